/**
 * What visit details cost per click inside the process, without HTTP: ClickBuffer.record alone,
 * and classify + record with the same user agent / referrer / address every time (all memo hits),
 * with the varied mix of the redirect bench (300 user agents, 51 referrers, 20,000 addresses:
 * about half the country look-ups miss their cache), and with a new user agent every click (the
 * worst case: a parse each time). No database writes are measured (the buffer never flushes here).
 */
import { ClickBuffer, createVisitClassifier } from '@newsroom/links';
import { createVisitMix } from './visit-details';

const CLICKS = 300_000;
const ROUNDS = 3;

function measure(name: string, click: (index: number) => void) {
  for (let index = 0; index < 20_000; index += 1) click(index); // warm-up (JIT, caches)
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < CLICKS; index += 1) click(index);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / CLICKS);
  }
  console.log(`${name.padEnd(58)}${best.toFixed(0).padStart(7)} ns per click`);
}

function buffer() {
  // Never flushes during the measurement: nothing is written.
  return new ClickBuffer({
    db: {} as never,
    intervalMs: 3_600_000,
    flushEvery: Number.MAX_SAFE_INTEGER,
  });
}

const links = Array.from({ length: 1_000 }, (_, index) => `link-${index}`);
const now = Date.now();
const visits = createVisitClassifier();
visits.open();
const mix = createVisitMix();
const requests = Array.from({ length: 40_000 }, () => mix.next());

const plain = buffer();
measure('record only (visit details off)', (index) => plain.record(links[index % 1_000]!, now));

const same = buffer();
const sameHeaders = requests[0]!.headers;
measure('classify + record, one visitor profile (memo hits)', (index) => {
  const linkId = links[index % 1_000]!;
  same.record(
    linkId,
    now,
    visits.classify(linkId, now, {
      userAgent: sameHeaders['user-agent'],
      referer: sameHeaders.referer,
      address: sameHeaders['x-forwarded-for'],
    }),
  );
});

const varied = buffer();
measure('classify + record, varied mix of the redirect bench', (index) => {
  const linkId = links[index % 1_000]!;
  const { headers } = requests[index % requests.length]!;
  varied.record(
    linkId,
    now,
    visits.classify(linkId, now, {
      userAgent: headers['user-agent'],
      referer: headers.referer,
      address: headers['x-forwarded-for'],
    }),
  );
});

const fresh = buffer();
let unique = 0;
measure('classify + record, a never-seen user agent every click', (index) => {
  const linkId = links[index % 1_000]!;
  const { headers } = requests[index % requests.length]!;
  fresh.record(
    linkId,
    now,
    visits.classify(linkId, now, {
      userAgent: `${headers['user-agent']} build/${(unique += 1)}`,
      referer: headers.referer,
      address: headers['x-forwarded-for'],
    }),
  );
});
