// Database down → 503 everywhere, and back without a restart: both apps run against a
// PostgreSQL cluster of their own (not the shared test server, which other suites are using),
// which this test stops and starts again on the same address. Runs under `npm run test:postgres`
// (TEST_DATABASE_URL set, so Debian's PostgreSQL is there); the SQLite run leaves it out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, createApiKey, createSession } from '@newsroom/auth';
import { createDb, type Db } from '@newsroom/db';
import { applyPendingMigrations } from '@newsroom/db/migrate';
import { createPublishedArticle, ownPostgresCluster } from '@newsroom/db/testing';
import { startBothApps, type AppServer } from '@newsroom/testing';

const cluster = ownPostgresCluster();

let databaseUrl: string;
let db: Db;
let editor: AppServer;
let shortener: AppServer;
let staffCookie: string;
let apiKey: string;
let articleId: string;

beforeAll(async () => {
  databaseUrl = cluster.start();
  await applyPendingMigrations(databaseUrl);
  db = createDb(databaseUrl);
  const user = await db.user.create({
    data: { email: 'outage@example.com', name: 'Outage', role: 'editor', passwordHash: 'x' },
  });
  staffCookie = `${SESSION_COOKIE}=${(await createSession(db, user.id)).token}`;
  apiKey = (await createApiKey(db, 'outage')).key;
  articleId = (await createPublishedArticle(db, 'still-here')).id;
  ({ editor, shortener } = await startBothApps(databaseUrl));
});

afterAll(async () => {
  await Promise.all([editor?.stop(), shortener?.stop()]);
  await db?.$disconnect();
  cluster.stop();
});

type Probe = { name: string; url: () => string; init?: () => RequestInit; isApi: boolean };

const probes: Probe[] = [
  {
    name: 'editor: newsroom API',
    url: () => `${editor.url}/api/newsroom/articles`,
    init: () => ({ headers: { cookie: staffCookie } }),
    isApi: true,
  },
  {
    name: 'editor: save (PUT)',
    url: () => `${editor.url}/api/newsroom/articles/${articleId}`,
    init: () => ({
      method: 'PUT',
      headers: { cookie: staffCookie, origin: editor.url, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: 1 }),
    }),
    isApi: true,
  },
  {
    name: 'shortener: link API',
    url: () => `${shortener.url}/api/links`,
    init: () => ({ headers: { authorization: `Bearer ${apiKey}` } }),
    isApi: true,
  },
  { name: 'editor: reader home page', url: () => `${editor.url}/`, isApi: false },
  {
    name: 'editor: newsroom page',
    url: () => `${editor.url}/newsroom/articles`,
    init: () => ({ headers: { cookie: staffCookie } }),
    isApi: false,
  },
  {
    name: 'shortener: staff page',
    url: () => `${shortener.url}/links`,
    init: () => ({ headers: { cookie: staffCookie } }),
    isApi: false,
  },
];

async function ask(probe: Probe) {
  const response = await fetch(probe.url(), { ...probe.init?.(), redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Asks until the answer has `status` (the state we wait for), at most `attempts` times. */
async function askUntil(probe: Probe, status: number, attempts = 60) {
  let answer = await ask(probe);
  for (let attempt = 1; answer.status !== status && attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    answer = await ask(probe);
  }
  return answer;
}

describe('database unavailable', () => {
  it('answers 503 with Retry-After on every API and page, and recovers without a restart', async () => {
    for (const probe of probes) expect((await ask(probe)).status, probe.name).toBeLessThan(500);

    cluster.halt();
    // Reader pages already in the reader cache keep being served from memory: readers see
    // them through the outage.
    const readerHome = probes.find((p) => p.name === 'editor: reader home page')!;
    expect((await ask(readerHome)).status, 'cached reader home').toBe(200);
    // The very first request of each app to meet the outage, a page (Next.js would answer it
    // 500 with its error document): already a 503 with Retry-After and the page that says so.
    for (const name of ['editor: newsroom page', 'shortener: staff page']) {
      const first = await ask(probes.find((p) => p.name === name)!);
      expect(first.status, `${name}, first request`).toBe(503);
      expect(first.headers.get('retry-after'), name).toMatch(/^\d+$/);
      expect(first.text, name).toContain('Temporarily unavailable');
    }
    // Never asked before the outage, so nothing cached: a reader article page (rendered by Next
    // for the reader cache) and a short code (looked up in the database by the redirect server).
    const article = await ask({
      name: 'reader article page',
      url: () => `${editor.url}/world/still-here`,
      isApi: false,
    });
    expect(article.status, 'uncached reader article page').toBe(503);
    expect(article.headers.get('retry-after'), 'uncached reader article page').toMatch(/^\d+$/);
    const shortCode = await ask({
      name: 'short code',
      url: () => `${shortener.url}/never-looked-up`,
      isApi: false,
    });
    expect(shortCode.status, 'uncached short code').toBe(503);
    expect(shortCode.headers.get('retry-after'), 'uncached short code').toMatch(/^\d+$/);
    // The APIs find out at once (each request meets the dead database)…
    for (const probe of probes.filter((p) => p.isApi)) {
      const answer = await ask(probe);
      expect(answer.status, probe.name).toBe(503);
      expect(answer.headers.get('retry-after'), probe.name).toMatch(/^\d+$/);
      expect(JSON.parse(answer.text), probe.name).toMatchObject({
        error: { code: 'unavailable', message: expect.stringMatching(/database/) },
      });
    }
    // …and from then on every page of that process answers 503 with a page that says so.
    for (const probe of probes.filter((p) => !p.isApi && p !== readerHome)) {
      const answer = await ask(probe);
      expect(answer.status, probe.name).toBe(503);
      expect(answer.headers.get('retry-after'), probe.name).toMatch(/^\d+$/);
      expect(answer.text, probe.name).toContain('Temporarily unavailable');
    }

    cluster.resume();
    for (const probe of probes.filter((p) => p.name !== 'editor: save (PUT)')) {
      const answer = await askUntil(probe, 200);
      expect(answer.status, `${probe.name} after recovery`).toBe(200);
    }
    expect((await ask(probes[1]!)).status).toBe(422);
  });
});
