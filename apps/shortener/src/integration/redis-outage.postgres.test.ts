// Redis away while the shortener runs on it (REDIS_URL): link creation, whose per-key limit lives
// there, goes on with the limit counted in the database meanwhile, redirects go on, and creation
// works on once Redis is back on the same address. A Redis server of the test's own (Debian's
// `redis-server`), stopped and started again on one port. Runs under `npm run test:postgres`,
// where Redis is installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { freePort } from '@newsroom/testing';
import { startShortenerWithClients, type ShortenerWithClients } from '../testing/shortener-clients';

let testDb: TestDatabase;
let shortener: ShortenerWithClients;
let redis: ChildProcess | undefined;
let port: number;

/** Starts redis-server in the foreground on `port`; resolves once it accepts connections. */
async function startRedis() {
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return child;
}

async function stopRedis() {
  if (!redis || redis.exitCode !== null) return;
  const exited = once(redis, 'exit');
  redis.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis();
  testDb = await createTestDatabase();
  shortener = await startShortenerWithClients(testDb, 'redis-outage', {
    REDIS_URL: `redis://127.0.0.1:${port}`,
  });
});

afterAll(async () => {
  // Back first, had a failed check left it away: the shortener's stop waits for it.
  if (redis?.exitCode !== null) redis = await startRedis();
  await shortener?.stop();
  await stopRedis();
  await testDb?.cleanup();
});

describe('link creation while Redis is away', () => {
  it('goes on with the limit counted in the database, and on Redis again once it is back', async () => {
    const { api, http } = shortener;
    const before = await api('POST', '/api/links', { url: 'https://example.com/before' });
    expect(before.status).toBe(201);

    const countedInDatabase = await testDb.db.rateLimit.count();
    await stopRedis();
    const during = await api('POST', '/api/links', { url: 'https://example.com/during' });
    expect(during.status).toBe(201);
    expect((await http.request(`/${before.json.code}`)).status).toBe(302);
    expect((await http.request(`/${during.json.code}`)).status).toBe(302);
    // The creation was counted where the limit lived meanwhile: the database's RateLimit table.
    expect(await testDb.db.rateLimit.count()).toBeGreaterThan(countedInDatabase);

    redis = await startRedis();
    await expect
      .poll(
        async () => (await api('POST', '/api/links', { url: 'https://example.com/after' })).status,
        { timeout: 30_000 },
      )
      .toBe(201);
    const all = (await api('GET', '/api/links?q=example.com')).json;
    expect(all.total).toBe(3);
  });
});
