// Rate limits and a clean shutdown, each against its own server process (low limits; a kill).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createApiClient } from '../testing/api-client';
import { createHttpClient } from '../testing/http-client';
import { startShortener, type ShortenerProcess } from '../testing/shortener-process';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.cleanup());

describe('rate limits', () => {
  it('limits link creation per API key and unknown-code lookups per client, with Retry-After', async () => {
    const server = await startShortener(testDb.url, {
      SHORTENER_CREATE_LIMIT_PER_MINUTE: '3',
      SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: '5',
    });
    const http = createHttpClient(server.url);
    try {
      const first = createApiClient(server.url, (await createApiKey(testDb.db, 'first')).key);
      const second = createApiClient(server.url, (await createApiKey(testDb.db, 'second')).key);
      const statuses = [];
      for (let index = 0; index < 4; index += 1) {
        statuses.push((await first('POST', '/api/links', { url: 'https://e.com/' })).status);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await first('POST', '/api/links', { url: 'https://e.com/' });
      expect(limited.json.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        (await second('POST', '/api/links', { url: 'https://e.com/', alias: 'known' })).status,
      ).toBe(201);

      const lookups = [];
      for (let index = 0; index < 6; index += 1)
        lookups.push((await http.request(`/guess${index}`)).status);
      expect(lookups).toEqual([404, 404, 404, 404, 404, 429]);
      // Once over the limit, a guessed code that exists must not be revealed either.
      const known = await http.request('/known');
      expect(known.status).toBe(429);
      expect(Number(known.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      http.close();
      await server.stop();
    }
  });
});

describe('unknown-code limit over IPv6', () => {
  it('counts one /64 network as one client: new addresses in it do not start afresh', async () => {
    const server = await startShortener(testDb.url, {
      SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: '5',
      TRUSTED_PROXIES: 'loopback',
    });
    const http = createHttpClient(server.url);
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    try {
      const lookups = [];
      // One subscriber's /64 (2^64 addresses): a fresh address for every guess.
      for (let index = 1; index <= 6; index += 1)
        lookups.push(
          (await http.request(`/v6guess${index}`, from(`2001:db8:1:2::${index}`))).status,
        );
      expect(lookups).toEqual([404, 404, 404, 404, 404, 429]);
      expect((await http.request('/v6guess7', from('2001:db8:1:2:ffff::1'))).status).toBe(429);
      // Another /64 is another client, and IPv4 clients are counted per address as before.
      expect((await http.request('/v6guess8', from('2001:db8:1:3::1'))).status).toBe(404);
      expect((await http.request('/v6guess9', from('203.0.113.7'))).status).toBe(404);
    } finally {
      http.close();
      await server.stop();
    }
  });
});

describe('shutdown', () => {
  it('loses no counted click when stopped with SIGTERM under load', async () => {
    const server = await startShortener(testDb.url, {
      // Nothing would be written before the stop without the shutdown flush.
      SHORTENER_CLICK_FLUSH_MS: '600000',
      SHORTENER_CLICK_FLUSH_EVERY: '1000000',
    });
    const api = createApiClient(server.url, (await createApiKey(testDb.db, 'shutdown')).key);
    const { json: link } = await api('POST', '/api/links', { url: 'https://e.com/busy' });
    const http = createHttpClient(server.url, 20);

    let redirected = 0;
    let stopped = false;
    const clients = Array.from({ length: 20 }, async () => {
      while (!stopped) {
        try {
          const result = await http.request(`/${link.code}`);
          if (result.status === 302) redirected += 1;
        } catch {
          stopped = true; // connection refused or closed: the server is going away
        }
      }
    });
    // Under load, not after a fixed time: a busy machine may need far more than a second.
    await vi.waitFor(() => expect(redirected).toBeGreaterThan(100), { timeout: 30_000 });
    const exitCode = await server.stop('SIGTERM');
    await Promise.all(clients);
    http.close();

    expect(exitCode).toBe(0);
    expect(server.output()).toMatch(/Shortener stopped \(SIGTERM\); wrote \d+ pending click/);
    const rows = await testDb.db.clickDay.findMany({
      where: {
        linkId: (await testDb.db.shortLink.findUniqueOrThrow({ where: { code: link.code } })).id,
      },
    });
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(redirected);
  });
});

/** A shortener holding `clicks` unwritten clicks (no flush before the stop) on one new link. */
async function serverWithUnwrittenClicks(keyName: string, clicks: number) {
  const server = await startShortener(testDb.url, {
    SHORTENER_CLICK_FLUSH_MS: '600000',
    SHORTENER_CLICK_FLUSH_EVERY: '1000000',
  });
  const api = createApiClient(server.url, (await createApiKey(testDb.db, keyName)).key);
  const { json: link } = await api('POST', '/api/links', { url: `https://e.com/${keyName}` });
  const http = createHttpClient(server.url);
  for (let index = 0; index < clicks; index += 1)
    expect((await http.request(`/${link.code}`)).status).toBe(302);
  http.close();
  return { server, link };
}

/** Stops `server` with `table` away (its statements fail), then puts the table back. */
async function stopWithout(server: ShortenerProcess, table: 'ClickDay' | 'ClickDetail') {
  await testDb.db.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}Away"`);
  try {
    return await server.stop('SIGTERM');
  } finally {
    await testDb.db.$executeRawUnsafe(`ALTER TABLE "${table}Away" RENAME TO "${table}"`);
  }
}

describe('shutdown when the clicks cannot be written', () => {
  it('says how many clicks it could not write, and exits with an error', async () => {
    const { server } = await serverWithUnwrittenClicks('unwritten', 3);
    // The counter table away: the shutdown flush fails (and puts its clicks back, as any does).
    const exitCode = await stopWithout(server, 'ClickDay');
    expect(server.output()).toMatch(/Shortener stopped \(SIGTERM\) but could not write 3 click/);
    expect(server.output()).not.toMatch(/wrote 3 pending click/);
    expect(exitCode).toBe(1);
  });
});

describe('shutdown when the visit details cannot be written', () => {
  it('says their clicks were written but not their details, and exits with an error', async () => {
    const { server, link } = await serverWithUnwrittenClicks('no-details', 2);
    // Only the details' table away: the clicks are written, their details are not.
    const exitCode = await stopWithout(server, 'ClickDetail');
    expect(server.output()).toMatch(
      /Shortener stopped \(SIGTERM\) but could not write the visit details of 2 click/,
    );
    expect(exitCode).toBe(1);
    const linkId = (await testDb.db.shortLink.findUniqueOrThrow({ where: { code: link.code } })).id;
    expect((await testDb.db.clickDay.findFirst({ where: { linkId } }))?.count).toBe(2);
  });
});
