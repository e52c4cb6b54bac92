// Query forwarding, UTM fields, case-insensitive codes (with clashes left from before), edits
// with a change log, and refused destinations: against the real shortener (server.ts + the
// built Next.js app) over real HTTP, on a real database. The cache TTL is a minute: what shows
// at once was invalidated in the very cache the redirects read.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STATE_WAIT_MS } from '@newsroom/testing';
import { createStaffWithSessions } from '@newsroom/auth/testing';
import { findRepoRoot } from '@newsroom/db';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { DESTINATION_CORPUS } from '@newsroom/links/testing';
import {
  NO_RATE_LIMITS,
  startShortenerWithClients,
  type ApiClient,
  type HttpClient,
  type ShortenerWithClients,
} from '../testing/shortener-clients';
import type { ShortenerProcess } from '../testing/shortener-process';

let testDb: TestDatabase;
let shortener: ShortenerWithClients;
let server: ShortenerProcess;
let api: ApiClient;
let http: HttpClient;

/** Links from before codes were case-insensitive: two clash by case (no key), one does not. */
async function insertLegacyLinks() {
  const legacy = [
    { code: 'Legacy', codeKey: null, url: 'https://example.com/legacy-upper' },
    { code: 'legacy', codeKey: null, url: 'https://example.com/legacy-lower' },
    { code: 'Alone', codeKey: null, url: 'https://example.com/alone' },
    // Stored before destinations were checked: a link to the shortener itself.
    { code: 'self-loop', codeKey: 'self-loop', url: 'http://127.1:3001/self-loop' },
  ];
  for (const link of legacy) await testDb.db.shortLink.create({ data: link });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await insertLegacyLinks();
  shortener = await startShortenerWithClients(testDb, 'campaign-script', {
    SHORTENER_CACHE_TTL_MS: '60000',
    // The corpus is written for a shortener at localhost:3001 and sho.rt.
    SHORTENER_HOSTS: 'localhost:3001,sho.rt',
    ...NO_RATE_LIMITS,
  });
  ({ server, api, http } = shortener);
});

afterAll(async () => {
  await shortener?.stop();
  await testDb?.cleanup();
});

/** `npm run links:check` on the test database (async: keep-alive sockets stay serviced). */
function runLinksCheck(): Promise<{ status: number | null; stdout: string }> {
  const child = spawn('npm', ['run', '--silent', 'links:check'], {
    cwd: findRepoRoot(),
    env: { ...process.env, DATABASE_URL: testDb.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout })));
}

async function createLink(body: Record<string, unknown>) {
  const response = await api('POST', '/api/links', body);
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { code: string; url: string; redirectsTo: string };
}

async function location(path: string) {
  const response = await http.request(path);
  expect(response.status).toBe(302);
  return response.headers.location;
}

describe('query forwarding', () => {
  it('merges the visitor query into the destination: own parameters kept, fragment last', async () => {
    const { code } = await createLink({ url: 'https://example.com/landing?id=7#part-2' });
    expect(await location(`/${code}`)).toBe('https://example.com/landing?id=7#part-2');
    expect(await location(`/${code}?ref=news&id=8`)).toBe(
      'https://example.com/landing?id=7&ref=news#part-2',
    );
  });

  it.each([
    ['repeated names', 'tag=a&tag=b&tag=a', 'tag=a&tag=b&tag=a'],
    ['"+" and an encoded "+"', 'q=a+b&sum=1%2B1', 'q=a+b&sum=1%2B1'],
    [
      'encoded unicode',
      'city=%E6%9D%B1%E4%BA%AC&name=%C3%A9t%C3%A9',
      'city=%E6%9D%B1%E4%BA%AC&name=%C3%A9t%C3%A9',
    ],
    ['empty values and bare names', 'a=&b&c=1', 'a=&b&c=1'],
    ['characters a browser leaves raw', "q='x'|y`", 'q=%27x%27|y`'],
  ])('passes on %s', async (_name, query, expected) => {
    const { code } = await createLink({ url: 'https://example.com/p' });
    expect(await location(`/${code}?${query}`)).toBe(`https://example.com/p?${expected}`);
  });

  it('drops the query when the link says so', async () => {
    const { code } = await createLink({ url: 'https://example.com/fixed', forwardQuery: false });
    expect(await location(`/${code}?ref=x`)).toBe('https://example.com/fixed');
  });

  it('falls back to the stored destination when the merged URL would be too long', async () => {
    const url = `https://example.com/${'a'.repeat(2000)}`;
    const { code } = await createLink({ url });
    expect(await location(`/${code}?q=${'b'.repeat(20)}`)).toBe(`${url}?q=${'b'.repeat(20)}`);
    expect(await location(`/${code}?q=${'b'.repeat(100)}`)).toBe(url);
  });

  it('can be switched off and on later, and the next redirect follows', async () => {
    const { code } = await createLink({ url: 'https://example.com/switch' });
    await api('PATCH', `/api/links/${code}`, { forwardQuery: false });
    expect(await location(`/${code}?ref=x`)).toBe('https://example.com/switch');
    await api('PATCH', `/api/links/${code}`, { forwardQuery: true });
    expect(await location(`/${code}?ref=x`)).toBe('https://example.com/switch?ref=x');
  });
});

describe('UTM fields', () => {
  it('are stored, shown and added to the destination; the visitor cannot override them', async () => {
    const link = await createLink({
      url: 'https://example.com/spring?utm_source=old&id=1',
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'spring sale',
    });
    expect(link).toMatchObject({
      url: 'https://example.com/spring?utm_source=old&id=1',
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'spring sale',
      utmTerm: null,
      utmContent: null,
      forwardQuery: true,
      redirectsTo:
        'https://example.com/spring?id=1&utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale',
    });
    expect(await location(`/${link.code}?utm_source=visitor&ref=x`)).toBe(
      `${link.redirectsTo}&ref=x`,
    );

    await api('PATCH', `/api/links/${link.code}`, { utmMedium: null, utmContent: 'hero' });
    expect(await location(`/${link.code}`)).toBe(
      'https://example.com/spring?id=1&utm_source=newsletter&utm_campaign=spring%20sale&utm_content=hero',
    );
  });

  it('that would make the destination too long or invalid get a 400 with a message', async () => {
    const long = await api('POST', '/api/links', {
      url: `https://example.com/${'a'.repeat(2000)}`,
      utmCampaign: 'c'.repeat(60),
    });
    expect(long.status).toBe(400);
    expect(long.json.error.code).toBe('validation_failed');
    expect(long.json.error.fields.utmCampaign).toMatch(/characters long; the limit is 2048/);

    const surrogate = await api(
      'POST',
      '/api/links',
      undefined,
      '{"url":"https://example.com/","utmTerm":"bad \\ud800"}',
    );
    // Refused by the JSON input layer (lone surrogates), before the UTM rule (unit-tested) sees it.
    expect(surrogate.status).toBe(400);
    expect(surrogate.json.error.code).toBe('invalid_text');

    const { code } = await createLink({ url: `https://example.com/${'a'.repeat(2000)}` });
    const patched = await api('PATCH', `/api/links/${code}`, { utmSource: 's'.repeat(100) });
    expect(patched.status).toBe(400);
    expect(patched.json.error).toMatchObject({
      code: 'validation_failed',
      fields: { url: expect.stringMatching(/the limit is 2048/) },
    });
  });
});

describe('codes are unique regardless of case', () => {
  it('resolves an alias in any case and refuses the same alias in another case', async () => {
    const { code } = await createLink({ url: 'https://example.com/sale', alias: 'Spring-Sale' });
    expect(code).toBe('Spring-Sale');
    for (const spelling of ['Spring-Sale', 'spring-sale', 'SPRING-SALE']) {
      expect(await location(`/${spelling}`)).toBe('https://example.com/sale');
    }
    const taken = await api('POST', '/api/links', {
      url: 'https://example.com/other',
      alias: 'spring-sale',
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toBe(
      'The alias "spring-sale" is already in use as "Spring-Sale" (aliases are the same whatever their case).',
    );
    expect((await api('GET', '/api/links/SPRING-SALE')).json.code).toBe('Spring-Sale');
    // A change through another spelling reaches every cached spelling at once.
    await api('PATCH', '/api/links/spring-SALE', { url: 'https://example.com/sale-2' });
    expect(await location('/SPRING-SALE')).toBe('https://example.com/sale-2');
    expect(await location('/Spring-Sale')).toBe('https://example.com/sale-2');
  });

  it('keeps links that clashed before the rule apart, reports them at start, and lists them', async () => {
    // Printed on stderr at start (a pipe apart from stdout's "ready"): wait for it.
    await vi.waitFor(
      () => {
        expect(server.output()).toContain(
          '1 short-link code(s) are shared by links that differ only by case',
        );
        expect(server.output()).toContain('/legacy → https://example.com/legacy-lower');
        expect(server.output()).toContain('"Alone" no longer clashes by case');
      },
      { timeout: STATE_WAIT_MS },
    );
    expect(await location('/Legacy')).toBe('https://example.com/legacy-upper');
    expect(await location('/legacy')).toBe('https://example.com/legacy-lower');
    expect((await http.request('/LEGACY')).status).toBe(404);
    expect(await location('/ALONE')).toBe('https://example.com/alone');
    expect(
      (await api('POST', '/api/links', { url: 'https://example.com/x', alias: 'LeGaCy' })).status,
    ).toBe(409);

    const check = await runLinksCheck();
    expect(check.stdout).toContain('legacy:');
    expect(check.stdout).toContain('/Legacy → https://example.com/legacy-upper');
    // With this environment's settings (SHORTENER_URL at localhost:3001), the stored loop.
    expect(check.stdout).toContain('1 short link(s) point where new links may not go');
    expect(check.stdout).toContain('/self-loop → http://127.1:3001/self-loop');
    expect(check.status).toBe(1);
  });
});

describe('edits are recorded', () => {
  it('shows API edits with the key name in the change log, in the API and on the staff page', async () => {
    const { code } = await createLink({ url: 'https://example.com/v1', alias: 'logged-link' });
    await api('PATCH', `/api/links/${code}`, {
      url: 'https://example.com/v2',
      redirectType: 307,
      utmSource: 'radio',
    });
    await api('PATCH', `/api/links/${code}`, { disabled: true });
    const { json } = await api('GET', `/api/links/${code}`);
    expect(json.changes).toEqual([
      {
        at: expect.any(String),
        actor: { type: 'api_key', name: 'campaign-script' },
        changes: { disabled: { from: false, to: true } },
      },
      {
        at: expect.any(String),
        actor: { type: 'api_key', name: 'campaign-script' },
        changes: {
          url: { from: 'https://example.com/v1', to: 'https://example.com/v2' },
          redirectType: { from: 302, to: 307 },
          utmSource: { from: null, to: 'radio' },
        },
      },
    ]);

    const { cookieOf } = await createStaffWithSessions(testDb.db, [['changes', 'editor']]);
    const page = await fetch(`${server.url}/links/${code}`, {
      headers: { cookie: cookieOf.changes! },
    });
    // React separates adjacent text with <!-- -->; read the text as a browser shows it.
    const html = (await page.text()).replaceAll('<!-- -->', '');
    expect(page.status).toBe(200);
    expect(html).toContain('campaign-script (API key)');
    expect(html).toContain('Redirect type: 302 → 307');
    expect(html).toContain('Disabled: no → yes');
    expect(html).toContain('Save changes');
    expect(html).toContain('https://example.com/v2?utm_source=radio');
  });
});

describe('destinations: the attack corpus against the real API', () => {
  const refused = Object.entries(DESTINATION_CORPUS.refused).flatMap(
    ([kind, { payloads, message }]) => payloads.map((url) => ({ kind, url, message })),
  );

  it(`refuses all ${refused.length} internal and self-referencing destinations with a 400`, async () => {
    const answers = await Promise.all(
      refused.map(async ({ url, message }) => {
        const response = await api('POST', '/api/links', { url });
        return {
          url,
          status: response.status,
          ok: message.test(response.json?.error?.fields?.url ?? ''),
        };
      }),
    );
    expect(answers.filter((answer) => answer.status !== 400 || !answer.ok)).toEqual([]);
  });

  it('refuses this very server in other spellings, on create and on edit', async () => {
    const port = new URL(server.url).port;
    const { code } = await createLink({ url: 'https://example.com/ok' });
    for (const host of [
      '127.1',
      'localhost.',
      '[::ffff:127.0.0.1]',
      '0x7f000001',
      '[::1]',
      '0.0.0.0',
    ]) {
      const url = `http://${host}:${port}/${code}`;
      const created = await api('POST', '/api/links', { url });
      expect([created.status, created.json.error.fields.url]).toEqual([
        400,
        expect.stringMatching(/shortener itself/),
      ]);
      expect((await api('PATCH', `/api/links/${code}`, { url })).status).toBe(400);
    }
    expect(await location(`/${code}`)).toBe('https://example.com/ok');
  });

  it('answers 410 for a link stored earlier that points at the shortener itself', async () => {
    const loop = await http.request('/self-loop');
    expect(loop.status).toBe(410);
    expect(loop.headers.location).toBeUndefined();
    // The warning travels through the child's stderr pipe, not the HTTP socket: wait for it.
    await vi.waitFor(
      () =>
        expect(server.output()).toContain(
          'Short link "self-loop" points at the shortener itself (http://127.1:3001/self-loop)',
        ),
      { timeout: STATE_WAIT_MS },
    );
  });

  it(`accepts the ${DESTINATION_CORPUS.accepted.length} public destinations`, async () => {
    for (const url of DESTINATION_CORPUS.accepted) {
      expect((await api('POST', '/api/links', { url })).status).toBe(201);
    }
  });
});
