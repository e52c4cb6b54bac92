/**
 * What writing clicks costs, per click, when the codes are spread over 100,000 links (scenario
 * (c) of redirect.bench.ts): ClickBuffer flushes of clicks on links picked at random, so nearly
 * every click is a (link, day) of its own, i.e. one ClickDay row and, with visit details, five
 * ClickDetail rows to upsert. CPU time of this process (the database is SQLite in-process, or
 * PostgreSQL when BENCH_DATABASE_URL is set: then only the client's share shows), per 1,000
 * clicks, for a flush of one second of (c)'s clicks and for one of five seconds.
 */
import { isSqlite } from '@newsroom/db';
import { ClickBuffer, createVisitClassifier } from '@newsroom/links';
import {
  createSqliteStatementThread,
  type StatementThread,
} from '@newsroom/links/statement-thread';
import { benchDatabase, removeSeededLinks, seedLinks } from './bench-database';

/** About one second of scenario (c) on this machine. */
const CLICKS_PER_SECOND = 16_000;
const FLUSHES = 8;
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const database = await benchDatabase();
const { db } = await seedLinks(database.url);
const linkIds = (await db.shortLink.findMany({ select: { id: true } })).map(({ id }) => id);
const visits = createVisitClassifier();
visits.open();

async function cpuPerThousandClicks(
  withDetails: boolean,
  clicksPerFlush: number,
  thread?: StatementThread,
) {
  const buffer = new ClickBuffer({
    db,
    intervalMs: 3_600_000,
    flushEvery: Number.MAX_SAFE_INTEGER,
  });
  if (thread) buffer.runStatementsWith(thread.run);
  const now = Date.now();
  const started = process.cpuUsage();
  for (let flush = 0; flush < FLUSHES; flush += 1) {
    for (let click = 0; click < clicksPerFlush; click += 1) {
      const linkId = linkIds[Math.floor(Math.random() * linkIds.length)]!;
      const details = withDetails
        ? visits.classify(linkId, now, {
            userAgent: BROWSER_UA,
            referer: undefined,
            address: '127.0.0.1',
          })
        : undefined;
      buffer.record(linkId, now, details);
    }
    await buffer.flush();
  }
  const { user, system } = process.cpuUsage(started);
  return (user + system) / (FLUSHES * clicksPerFlush);
}

const baseline = await cpuPerThousandClicks(false, CLICKS_PER_SECOND);
const rows: [string, number][] = [
  ['visit details off, a flush per second of (c)', baseline],
  [
    'visit details on, a flush per second of (c)',
    await cpuPerThousandClicks(true, CLICKS_PER_SECOND),
  ],
  [
    'visit details off, a flush per 5 s of (c)',
    await cpuPerThousandClicks(false, 5 * CLICKS_PER_SECOND),
  ],
  [
    'visit details on, a flush per 5 s of (c)',
    await cpuPerThousandClicks(true, 5 * CLICKS_PER_SECOND),
  ],
];
if (isSqlite(database.url)) {
  // As the shortener runs them: on a statement thread (process CPU counts every thread).
  const thread = createSqliteStatementThread(database.url);
  rows.push([
    'visit details on, a flush per second, statement thread',
    await cpuPerThousandClicks(true, CLICKS_PER_SECOND, thread),
  ]);
  await thread.close();
}
console.log(
  `Database: ${database.label}; random links among ${linkIds.length.toLocaleString('en')}`,
);
for (const [label, ms] of rows) {
  console.log(
    `${label.padEnd(56)}${ms.toFixed(1).padStart(6)} ms CPU per 1,000 clicks  ${(ms / baseline).toFixed(2)}×`,
  );
}
await removeSeededLinks(db);
await db.$disconnect();
await database.cleanup();
process.exit(0);
