// Behind a TLS-terminating proxy (TRUSTED_PROXIES=127.0.0.1, `X-Forwarded-Proto: https`): every
// kind of answer of both apps carries HSTS and Permissions-Policy (Next.js pages, APIs, refusals,
// static files, cached reader pages, the shortener's redirects and own pages), and the session
// cookie is Secure. The same header from a client that is not the proxy (127.0.0.2 here) changes
// nothing: no HSTS, no Secure cookie.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, createSession } from '@newsroom/auth';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { startBothApps, type AppServer } from '@newsroom/testing';

const PROXY = '127.0.0.1';
const NOT_THE_PROXY = '127.0.0.2';

let testDb: TestDatabase;
let editor: AppServer;
let shortener: AppServer;
let cookie: string;
let articlePath: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await testDb.db.user.create({
    data: { email: 'https@example.com', name: 'Https', role: 'editor', passwordHash: 'x' },
  });
  cookie = `${SESSION_COOKIE}=${(await createSession(testDb.db, user.id)).token}`;
  const article = await createPublishedArticle(testDb.db, 'over-https');
  articlePath = `/world/${article.slug}`;
  await testDb.db.shortLink.create({
    data: { code: 'hsts-link', codeKey: 'hsts-link', url: 'https://example.com/' },
  });
  const env = { TRUSTED_PROXIES: PROXY };
  ({ editor, shortener } = await startBothApps(testDb.url, env));
});

afterAll(async () => {
  await Promise.all([editor?.stop(), shortener?.stop()]);
  await testDb?.cleanup();
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request as the proxy (or someone else) would send it, claiming https. */
function ask(
  base: string,
  pathname: string,
  options: { from?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        localAddress: options.from ?? PROXY,
        headers: { 'x-forwarded-proto': 'https', ...options.headers },
      },
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

function staticScriptOf(html: string): string {
  const script = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  if (!script) throw new Error('no /_next/static script on the page');
  return script;
}

describe('served over https through a trusted proxy', () => {
  it('every kind of answer carries HSTS and Permissions-Policy', async () => {
    const login = await ask(editor.url, '/newsroom/login');
    const shortenerLogin = await ask(shortener.url, '/login');
    const readerPage = await ask(editor.url, articlePath);
    const answers: Record<string, Answer> = {
      'editor: newsroom login page': login,
      'editor: cached reader page': readerPage,
      'editor: cached reader page, again': await ask(editor.url, articlePath),
      'editor: cached reader page, not modified': await ask(editor.url, articlePath, {
        headers: { 'if-none-match': String(readerPage.headers.etag) },
      }),
      'editor: static file': await ask(editor.url, staticScriptOf(login.body)),
      'editor: missing static file': await ask(editor.url, '/_next/static/chunks/nope.js'),
      'editor: icon': await ask(editor.url, '/icon.svg'),
      'editor: API 401': await ask(editor.url, '/api/newsroom/articles'),
      'editor: cross-site 403': await ask(editor.url, '/newsroom/articles/new', {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      }),
      'editor: unknown page': await ask(editor.url, '/no-such-section/no-such-article'),
      'shortener: login page': shortenerLogin,
      'shortener: static file': await ask(shortener.url, staticScriptOf(shortenerLogin.body)),
      'shortener: API 401': await ask(shortener.url, '/api/links'),
      'shortener: redirect': await ask(shortener.url, '/hsts-link'),
      'shortener: preview page': await ask(shortener.url, '/hsts-link+'),
      'shortener: unknown code': await ask(shortener.url, '/no-such-code'),
      'editor: TRACE': await ask(editor.url, articlePath, { method: 'TRACE' }),
      'shortener: TRACE': await ask(shortener.url, '/hsts-link', { method: 'TRACE' }),
    };
    expect(answers['shortener: redirect']!.status).toBe(302);
    // A method no route serves is 405 with Allow (Next.js failed on TRACE with a 500).
    for (const trace of [answers['editor: TRACE']!, answers['shortener: TRACE']!])
      expect([trace.status, trace.headers.allow]).toEqual([
        405,
        'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      ]);
    expect(answers['editor: cached reader page, not modified']!.status).toBe(304);
    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.headers['strict-transport-security'], `${what} (${answer.status})`).toMatch(
        /^max-age=\d+; includeSubDomains$/,
      );
      expect(answer.headers['permissions-policy'], what).toContain('camera=()');
    }
  });

  it('the session cookie is Secure', async () => {
    const page = await ask(editor.url, '/newsroom/articles', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/; Secure/i);
  });
});

describe('a client that only claims https', () => {
  it('gets no HSTS and no Secure cookie', async () => {
    for (const [base, pathname] of [
      [editor.url, '/newsroom/login'],
      [editor.url, articlePath],
      [shortener.url, '/hsts-link'],
      [shortener.url, '/login'],
    ] as const) {
      const answer = await ask(base, pathname, { from: NOT_THE_PROXY });
      expect(answer.headers['strict-transport-security'], pathname).toBeUndefined();
      expect(answer.headers['permissions-policy'], pathname).toContain('camera=()');
    }
    const page = await ask(editor.url, '/newsroom/articles', {
      from: NOT_THE_PROXY,
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toContain(SESSION_COOKIE);
    expect(String(page.headers['set-cookie'])).not.toMatch(/; Secure/i);
  });
});
