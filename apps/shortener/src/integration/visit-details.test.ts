// Visit details against the real shortener (server.ts + built Next.js, real SQLite/PostgreSQL,
// real HTTP): varied referrers, user agents and client addresses (X-Forwarded-For from a trusted
// loopback proxy) give exact breakdowns; bots, HEAD and previews count nowhere; API and staff
// page serve the same figures, as JSON and CSV; bad ranges are a 400 with a message.
import { CLICKS_WRITTEN_WITHIN_MS } from '@newsroom/links/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { SESSION_COOKIE, createApiKey, createSession, createUser } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { DAY_MS } from '@newsroom/links';
import { createApiClient } from '../testing/api-client';
import { BOT_UAS, createHttpClient, runPool } from '../testing/http-client';
import { startShortener, type ShortenerProcess } from '../testing/shortener-process';

let testDb: TestDatabase;
let server: ShortenerProcess;
let api: ReturnType<typeof createApiClient>;
let http: ReturnType<typeof createHttpClient>;
let staffHeaders: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startShortener(testDb.url, {
    // The test client is the trusted proxy: its X-Forwarded-For names the visitor.
    TRUSTED_PROXIES: 'loopback',
    SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: '100000',
  });
  const { key } = await createApiKey(testDb.db, 'visit details tests');
  api = createApiClient(server.url, key);
  http = createHttpClient(server.url);
  const user = await createUser(testDb.db, {
    email: 'stats@example.com',
    name: 'Stats',
    role: 'editor',
    password: 'a long staff password',
  });
  const { token } = await createSession(testDb.db, user.id);
  staffHeaders = { cookie: `${SESSION_COOKIE}=${token}` };
});

afterAll(async () => {
  http?.close();
  await server?.stop();
  await testDb?.cleanup();
});

const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  chromeLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
};

/** Visitors: addresses whose country the shipped database knows (checked in packages/links). */
const VISITORS = [
  {
    times: 3,
    userAgent: UA.iphone,
    referer: 'https://www.facebook.com/post/1',
    from: '81.2.69.142',
  },
  { times: 2, userAgent: UA.chromeLinux, referer: undefined, from: '8.8.8.8' },
  { times: 1, userAgent: UA.ipad, referer: 'https://t.co/abc?u=reader', from: '133.242.0.1' },
  {
    times: 4,
    userAgent: UA.edgeWindows,
    referer: 'https://news.example.org/a',
    from: '200.160.2.3',
  },
  // A client on the proxy itself, with no forwarded address: its loopback address has no country.
  {
    times: 1,
    userAgent: UA.chromeLinux,
    referer: 'android-app://com.google.android.gm/',
    from: undefined,
  },
];

const EXPECTED = {
  referrer: [
    { value: 'news.example.org', count: 4 },
    { value: 'facebook.com', count: 3 },
    { value: '(direct)', count: 2 },
    { value: 'com.google.android.gm', count: 1 },
    { value: 't.co', count: 1 },
  ],
  device: [
    { value: 'desktop', count: 7 },
    { value: 'mobile', count: 3 },
    { value: 'tablet', count: 1 },
  ],
  browser: [
    { value: 'Edge', count: 4 },
    { value: 'Mobile Safari', count: 4 },
    { value: 'Chrome', count: 3 },
  ],
  os: [
    { value: 'Windows', count: 4 },
    { value: 'iOS', count: 4 },
    { value: 'Linux', count: 3 },
  ],
  country: [
    { value: 'BR', count: 4 },
    { value: 'GB', count: 3 },
    { value: 'US', count: 2 },
    { value: 'JP', count: 1 },
    { value: 'unknown', count: 1 },
  ],
};

const today = () => new Date().toISOString().slice(0, 10);

async function visit(code: string) {
  const requests = VISITORS.flatMap((visitor) => Array(visitor.times).fill(visitor));
  const results = await runPool(requests.length, 5, (index) => {
    const { userAgent, referer, from } = requests[index];
    return http.request(`/${code}`, {
      userAgent,
      headers: {
        ...(referer && { referer }),
        // The left-most hop is whatever the visitor wrote: only the proxy's own entry counts.
        ...(from && { 'x-forwarded-for': `203.0.113.9, ${from}` }),
      },
    });
  });
  expect(results.map((result) => result.status)).toEqual(requests.map(() => 302));
  // Never counted: bots (with a referrer and an address), HEAD, the "+" preview.
  for (const userAgent of BOT_UAS) {
    const bot = await http.request(`/${code}`, {
      userAgent,
      headers: { referer: 'https://spam.example/', 'x-forwarded-for': '8.8.8.8' },
    });
    expect(bot.status).toBe(302);
  }
  expect((await http.request(`/${code}`, { method: 'HEAD' })).status).toBe(302);
  expect((await http.request(`/${code}+`)).status).toBe(200);
}

async function statsOf(code: string, query = '') {
  return api('GET', `/api/links/${code}/stats${query}`);
}

describe('visit details', () => {
  let code: string;

  beforeAll(async () => {
    code = (await api('POST', '/api/links', { url: 'https://example.com/visits' })).json.code;
    await visit(code);
    // A flush writes the day counts, then the details (separate statements): on PostgreSQL a
    // read may fall between the two, so wait for both.
    await vi.waitFor(
      async () => {
        const { json } = await statsOf(code);
        expect(json.total).toBe(11);
        expect(JSON.stringify(json.breakdowns)).not.toContain('(not recorded)');
      },
      { timeout: CLICKS_WRITTEN_WITHIN_MS },
    );
  });

  it('counts every human click once per dimension, exactly', async () => {
    const { status, json } = await statsOf(code);
    expect(status).toBe(200);
    expect(json).toMatchObject({ code, to: today(), total: 11 });
    expect(json.days).toHaveLength(30);
    expect(json.days.at(-1)).toEqual({ day: today(), count: 11 });
    expect(json.breakdowns).toEqual(EXPECTED);
  });

  it('stores no address and no user agent', async () => {
    const rows = await testDb.db.clickDetail.findMany({ where: { link: { code } } });
    const stored = JSON.stringify(rows);
    for (const secret of [
      '81.2.69.142',
      '8.8.8.8',
      '203.0.113.9',
      'Mozilla',
      '17_5',
      '/post/1',
      'u=reader',
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('serves the same as CSV', async () => {
    const response = await fetch(`${server.url}/api/links/${code}/stats?format=csv`, {
      headers: { authorization: (await apiKeyHeader()).authorization },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="visits-${code}-\\d{4}-\\d{2}-\\d{2}-to-${today()}\\.csv"$`,
      ),
    );
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    for (const [dimension, values] of Object.entries(EXPECTED)) {
      const csvValues = rows
        .filter((row) => row.dimension === dimension)
        .map((row) => ({ day: row.day, value: row.value, count: Number(row.clicks) }));
      expect(csvValues).toEqual(values.map((entry) => ({ day: today(), ...entry })));
    }
  });

  it('refuses reversed, too long and malformed ranges with a message', async () => {
    const reversed = await statsOf(code, '?from=2026-03-02&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'The range is reversed: from (2026-03-02) is after to (2026-03-01).',
    });
    const long = await statsOf(code, '?from=2024-01-01&to=2025-12-31');
    expect(long.status).toBe(400);
    expect(long.json.error.message).toMatch(/has 731 days; at most 366 are allowed/);
    const malformed = await statsOf(code, '?from=yesterday');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields.from).toMatch(/YYYY-MM-DD/);
    expect((await statsOf(code, '?format=xml')).status).toBe(400);
    expect((await statsOf('NoSuchCode')).status).toBe(404);
    expect(
      (await createApiClient(server.url, undefined)('GET', `/api/links/${code}/stats`)).status,
    ).toBe(401);
  });

  it('shows a chart per dimension on the link page, for a chosen range, with a CSV download', async () => {
    const from = new Date(Date.now() - 6 * DAY_MS).toISOString().slice(0, 10);
    const page = await fetch(`${server.url}/links/${code}?from=${from}&to=${today()}`, {
      headers: staffHeaders,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`11 clicks from ${from} to ${today()}.`);
    expect(html).toContain(`Clicks per day from ${from} to ${today()}: 11 in total`);
    expect(html).toContain(
      'Referrer: news.example.org 4 (36%), facebook.com 3 (27%), (direct) 2 (18%), com.google.android.gm 1 (9%), t.co 1 (9%)',
    );
    expect(html).toContain(
      'Country: BR 4 (36%), GB 3 (27%), US 2 (18%), JP 1 (9%), unknown 1 (9%)',
    );
    for (const heading of ['Device type', 'Browser', 'Operating system']) {
      expect(html).toContain(`<h3>${heading}</h3>`);
    }
    const csvPath = `/links/${code}/stats.csv?from=${from}&to=${today()}`;
    expect(html).toContain(`href="${csvPath.replace('&', '&amp;')}"`);

    const csv = await fetch(`${server.url}${csvPath}`, { headers: staffHeaders });
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.dimension === 'device')).toEqual([
      { day: today(), dimension: 'device', value: 'desktop', clicks: '7' },
      { day: today(), dimension: 'device', value: 'mobile', clicks: '3' },
      { day: today(), dimension: 'device', value: 'tablet', clicks: '1' },
    ]);
    expect((await fetch(`${server.url}${csvPath}`)).status).toBe(401);
    const badCsv = await fetch(`${server.url}/links/${code}/stats.csv?from=${today()}&to=${from}`, {
      headers: staffHeaders,
    });
    expect(badCsv.status).toBe(400);
    expect((await badCsv.json()).error.message).toMatch(/reversed/);
  });

  it('explains a bad range on the link page and shows the default one', async () => {
    const page = await fetch(`${server.url}/links/${code}?from=2026-03-02&to=2026-03-01`, {
      headers: staffHeaders,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(
      /role="alert"[^>]*>The range is reversed: from \(2026-03-02\) is after to \(2026-03-01\)\./,
    );
    expect(html).toContain('Clicks per day over the last 30 days: 11 in total');
  });
});

async function apiKeyHeader() {
  const { key } = await createApiKey(testDb.db, 'csv');
  return { authorization: `Bearer ${key}` };
}

describe('without TRUSTED_PROXIES', () => {
  it('ignores X-Forwarded-For: the country is that of the connecting address', async () => {
    const direct = await startShortener(testDb.url);
    const directApi = createApiClient(direct.url, (await createApiKey(testDb.db, 'direct')).key);
    const directHttp = createHttpClient(direct.url);
    try {
      const { code } = (await directApi('POST', '/api/links', { url: 'https://example.com/d' }))
        .json;
      const redirect = await directHttp.request(`/${code}`, {
        headers: { 'x-forwarded-for': '81.2.69.142' },
      });
      expect(redirect.status).toBe(302);
      // The click and its details are written by statements of their own: wait for both.
      await vi.waitFor(
        async () => {
          const { json } = await directApi('GET', `/api/links/${code}/stats`);
          expect(json.total).toBe(1);
          expect(JSON.stringify(json.breakdowns)).not.toContain('(not recorded)');
        },
        { timeout: CLICKS_WRITTEN_WITHIN_MS },
      );
      const { json } = await directApi('GET', `/api/links/${code}/stats`);
      // 127.0.0.1, the test's own connection, is in no country.
      expect(json.breakdowns.country).toEqual([{ value: 'unknown', count: 1 }]);
    } finally {
      directHttp.close();
      await direct.stop();
    }
  });
});
