// A path with a percent-escape that does not decode (`/%C3`, `/100%`) reaches neither app's
// Next.js (which answers it with a bare text/plain 500): the front servers answer 400, with the
// API error shape under /api and a small HTML page elsewhere, and their security headers. The
// shortener's redirect path keeps answering such a code 404. The same for a target that is not
// a path (`*`); an absolute-form target is served as its path; an unknown API path is a 404.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, createApiKey, createSession } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { startBothApps, type AppServer } from '@newsroom/testing';

let testDb: TestDatabase;
let editor: AppServer;
let shortener: AppServer;
let cookie: string;
let apiKey: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await testDb.db.user.create({
    data: { email: 'pct@example.com', name: 'Pct', role: 'admin', passwordHash: 'x' },
  });
  cookie = `${SESSION_COOKIE}=${(await createSession(testDb.db, user.id)).token}`;
  apiKey = (await createApiKey(testDb.db, 'pct')).key;
  ({ editor, shortener } = await startBothApps(testDb.url));
});

afterAll(async () => {
  await Promise.all([editor?.stop(), shortener?.stop()]);
  await testDb?.cleanup();
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** node:http sends the path as written (fetch and URL would re-encode the broken escape). */
function ask(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, headers, method },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function expectApiRefusal(answer: Answer, path: string) {
  expect(answer.status, path).toBe(400);
  expect(answer.headers['content-type'], path).toBe('application/json');
  expect(JSON.parse(answer.body), path).toMatchObject({
    error: { code: 'bad_request', message: expect.stringContaining('%') },
  });
  expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
}

function expectPageRefusal(answer: Answer, path: string) {
  expect(answer.status, path).toBe(400);
  expect(answer.headers['content-type'], path).toBe('text/html; charset=utf-8');
  expect(answer.body, path).toContain('This address is not valid');
  expect(answer.headers['content-security-policy'], path).toContain("default-src 'self'");
  expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
}

describe('a path that does not decode', () => {
  it('is a 400 page or API error on the editor', async () => {
    for (const path of [
      '/%C3',
      '/world/%C3',
      '/%C3/feed.xml',
      '/media/images/%C3/400.jpg',
      '/100%',
    ])
      expectPageRefusal(await ask(editor.url, path), path);
    for (const path of ['/api/articles/%C3/short-link', '/api/newsroom/articles/%C3'])
      expectApiRefusal(await ask(editor.url, path, { cookie }), path);
  });

  it('is a 400 page or API error on the shortener, and a 404 as a short code', async () => {
    const auth = { authorization: `Bearer ${apiKey}` };
    for (const path of ['/api/links/%E0%A4%A', '/api/links/%ZZ/stats', '/api/links/a%'])
      expectApiRefusal(await ask(shortener.url, path, auth), path);
    expectPageRefusal(await ask(shortener.url, '/links/%C3'), '/links/%C3');
    expect((await ask(shortener.url, '/%C3')).status).toBe(404);
  });

  it('leaves well-formed escapes alone', async () => {
    expect((await ask(editor.url, '/world/caf%C3%A9')).status).toBe(404);
  });
});

describe('a request target that is not a path', () => {
  it('is a 400 page on both apps, where Next.js answered `*` with a bare 500', async () => {
    for (const base of [editor.url, shortener.url]) {
      for (const method of ['GET', 'OPTIONS']) {
        const answer = await ask(base, '*', {}, method);
        expect(answer.status, `${method} * on ${base}`).toBe(400);
        expect(answer.body).toContain('This request is not valid');
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('is served in absolute form as in origin form (a link followed, a page shown)', async () => {
    const { link } = await createLinkOverApi();
    const redirect = await ask(shortener.url, `${shortener.url}/${link}?x=1`);
    expect([redirect.status, redirect.headers.location]).toEqual([
      302,
      'https://example.com/methods?x=1',
    ]);
    expect((await ask(editor.url, `${editor.url}/`)).status).toBe(200);
  });
});

describe('a path under /api/ that no route serves', () => {
  it('is a 404 in the API error shape on the editor (not a reader page for section "api")', async () => {
    for (const path of ['/api/nope', '/api/newsroom/articles/any/nope']) {
      const answer = await ask(editor.url, path, { cookie });
      expect([answer.status, answer.headers['content-type']], path).toEqual([
        404,
        'application/json',
      ]);
      expect(JSON.parse(answer.body).error.code, path).toBe('not_found');
    }
  });
});

describe('a method the route does not answer', () => {
  it('is a 405 with Allow and the API error shape on both apps, not a bare empty 405', async () => {
    const { link } = await createLinkOverApi();
    for (const [base, method, path, headers, allow] of [
      [
        shortener.url,
        'PUT',
        `/api/links/${link}`,
        { authorization: `Bearer ${apiKey}` },
        'GET, HEAD, PATCH, DELETE, OPTIONS',
      ],
      [
        shortener.url,
        'DELETE',
        '/api/links',
        { authorization: `Bearer ${apiKey}` },
        'GET, HEAD, POST, OPTIONS',
      ],
      // (From the site itself: a cross-site mutation gets the Origin check's 403 first.)
      [
        editor.url,
        'DELETE',
        '/api/newsroom/articles/any/publish',
        { cookie, origin: editor.url },
        'POST, OPTIONS',
      ],
    ] as const) {
      const answer = await ask(base, path, headers, method);
      expect([answer.status, answer.headers.allow], `${method} ${path}`).toEqual([405, allow]);
      expect(JSON.parse(answer.body), `${method} ${path}`).toMatchObject({
        error: { code: 'method_not_allowed', message: expect.stringContaining(allow) },
      });
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    const feed = await ask(editor.url, '/feed.xml', { origin: editor.url }, 'POST');
    expect([feed.status, feed.headers.allow]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
});

async function createLinkOverApi(): Promise<{ link: string }> {
  const response = await fetch(`${shortener.url}/api/links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'https://example.com/methods' }),
  });
  return { link: ((await response.json()) as { code: string }).code };
}
