// The staff shell on the real shortener (server.ts + the built Next.js app, real HTTP, a real
// database): return paths, Origin checks for server actions, the link API's input checks and
// error shape, and who may change which link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@newsroom/auth';
import { STAFF_TEST_PASSWORD as PASSWORD, createStaffWithSessions } from '@newsroom/auth/testing';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { openRedirectCorpus, postPageForm, redirectTarget } from '@newsroom/testing';
import { startShortener, type ShortenerProcess } from '../testing/shortener-process';

const HOME = '/links';

let testDb: TestDatabase;
let server: ShortenerProcess;
let apiKey: string;
let cookieOf: Record<string, string>;
let idOf: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startShortener(testDb.url);
  apiKey = (await createApiKey(testDb.db, 'staff shell tests')).key;
  ({ idOf, cookieOf } = await createStaffWithSessions(testDb.db, [
    ['editor', 'editor'],
    ['writer', 'writer'],
    ['other-writer', 'writer'],
    ['login-a', 'writer'],
    ['login-b', 'writer'],
  ]));
});

afterAll(async () => {
  await server?.stop();
  await testDb?.cleanup();
});

describe('return paths', () => {
  const corpus = openRedirectCorpus('/links', '/login');

  it(`refuses all ${corpus.length} open-redirect payloads when already logged in`, async () => {
    for (const { kind, value } of corpus) {
      const response = await fetch(`${server.url}/login?next=${encodeURIComponent(value)}`, {
        headers: { cookie: cookieOf.editor! },
        redirect: 'manual',
      });
      const location = redirectTarget(response, server.url);
      expect(`${location.origin}${location.pathname}`, `${kind}: ${JSON.stringify(value)}`).toBe(
        `${server.url}${HOME}`,
      );
    }
  });

  it(`refuses all ${corpus.length} payloads right after logging in`, async () => {
    let n = 0;
    for (const { kind, value } of corpus) {
      const email = n++ % 2 ? 'login-a@example.com' : 'login-b@example.com';
      const response = await postPageForm(
        server.url,
        '/login',
        'password',
        { email, password: PASSWORD, next: value },
        { origin: server.url },
      );
      expect(response.status, `${kind}: ${JSON.stringify(value)}`).toBe(303);
      const location = redirectTarget(response, server.url);
      expect(`${location.origin}${location.pathname}`, `${kind}: ${JSON.stringify(value)}`).toBe(
        `${server.url}${HOME}`,
      );
    }
  });

  it('keeps a real path of the site', async () => {
    const response = await fetch(`${server.url}/login?next=${encodeURIComponent('/links/new')}`, {
      headers: { cookie: cookieOf.editor! },
      redirect: 'manual',
    });
    expect(redirectTarget(response, server.url).href).toBe(`${server.url}/links/new`);
  });
});

async function createLinkAs(as: string, url: string): Promise<string> {
  const response = await postPageForm(
    server.url,
    '/links/new',
    'url',
    { url, alias: '', expiresAt: '' },
    { cookie: cookieOf[as]!, origin: server.url },
  );
  expect(response.status).toBe(303);
  return decodeURIComponent(redirectTarget(response, server.url).pathname.replace('/links/', ''));
}

async function toggle(as: string, formPageCode: string, code: string, origin?: string) {
  return postPageForm(
    server.url,
    `/links/${formPageCode}`,
    'disabled',
    { code, disabled: 'true' },
    { cookie: cookieOf[as]!, ...(origin && { origin }) },
  );
}

const disabledOf = async (code: string) =>
  (await testDb.db.shortLink.findUniqueOrThrow({ where: { code } })).disabled;

describe('Origin checks for server actions', () => {
  it('refuses a forged disable without an Origin or from another site with 403', async () => {
    const code = await createLinkAs('editor', 'https://example.com/origin-check');
    for (const origin of [undefined, 'https://evil.example']) {
      const response = await toggle('editor', code, code, origin);
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/Cross-site request refused/);
    }
    expect(await disabledOf(code)).toBe(false);
    const genuine = await toggle('editor', code, code, server.url);
    expect(genuine.status).toBe(303);
    expect(await disabledOf(code)).toBe(true);
  });
});

describe('who may change which link', () => {
  it('records the creator; writers change only their own links and never an article’s', async () => {
    const mine = await createLinkAs('writer', 'https://example.com/mine');
    const theirs = await createLinkAs('other-writer', 'https://example.com/theirs');
    expect(
      (await testDb.db.shortLink.findUniqueOrThrow({ where: { code: mine } })).createdById,
    ).toBe(idOf.writer);
    const article = await createPublishedArticle(testDb.db, 'policy-article');
    const canonical = await fetch(`${server.url}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.com/article', articleId: article.id }),
    });
    const canonicalCode = (await canonical.json()).code as string;

    // The page offers no button for links that are not theirs…
    const theirPage = await fetch(`${server.url}/links/${theirs}`, {
      headers: { cookie: cookieOf.writer! },
    });
    expect(await theirPage.text()).not.toContain('Disable link');
    // …and a forged post (the action taken from their own link's page) changes nothing.
    for (const code of [theirs, canonicalCode]) {
      const forged = await toggle('writer', mine, code, server.url);
      expect(redirectTarget(forged, server.url).search).toBe('?refused=1');
      expect(await disabledOf(code)).toBe(false);
    }
    expect((await toggle('writer', mine, mine, server.url)).status).toBe(303);
    expect(await disabledOf(mine)).toBe(true);
    // Editors change any link, the canonical one included.
    await toggle('editor', theirs, canonicalCode, server.url);
    expect(await disabledOf(canonicalCode)).toBe(true);
  });
});

describe('the link API: input checks in the one error shape', () => {
  async function post(body: BodyInit, contentType: string) {
    const response = await fetch(`${server.url}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  it('answers 415, 413 and 400 with a message, and stores nothing', async () => {
    const before = await testDb.db.shortLink.count();
    for (const type of ['text/plain', 'application/xml']) {
      const answer = await post('{"url":"https://example.com/x"}', type);
      expect(answer).toMatchObject({
        status: 415,
        body: { error: { code: 'unsupported_media_type' } },
      });
      expect(answer.body.error.message).toContain('application/json');
    }
    const big = await post(
      JSON.stringify({ url: `https://example.com/${'x'.repeat(11 * 1024 * 1024)}` }),
      'application/json',
    );
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'payload_too_large' });
    const bytes = new Uint8Array([
      ...Buffer.from('{"url":"https://example.com/'),
      0xff,
      ...Buffer.from('"}'),
    ]);
    expect(await post(bytes, 'application/json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_encoding' } },
    });
    expect(await post('{"url":"https://example.com/\\udc00"}', 'application/json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_text' } },
    });
    expect(await testDb.db.shortLink.count()).toBe(before);
  });
});

describe('odd requests get a clear answer, never a 500', () => {
  const withKey = () => ({ authorization: `Bearer ${apiKey}` });

  it('answers API paths that no route serves 404 in the error shape', async () => {
    for (const path of ['/api/nope', '/api/links/huge-page/stats/x', '/api/links/x/y']) {
      const response = await fetch(`${server.url}${path}`, { headers: withKey() });
      expect([response.status, response.headers.get('content-type')], path).toEqual([
        404,
        'application/json',
      ]);
      expect((await response.json()).error.code, path).toBe('not_found');
    }
  });

  it('refuses a cross-site server action under /api/links/ outside the link API with 403', async () => {
    const response = await fetch(`${server.url}/api/links/x/y`, {
      method: 'POST',
      headers: {
        'next-action': '00',
        origin: 'https://evil.example',
        'content-type': 'text/plain',
      },
      body: '[]',
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('cross_site_request');
  });

  it('shows page 1 of the list for a page number too large to count to', async () => {
    const created = await fetch(`${server.url}/api/links`, {
      method: 'POST',
      headers: { ...withKey(), 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.com/huge-page', alias: 'huge-page' }),
    });
    expect(created.status).toBe(201);
    const response = await fetch(`${server.url}/links?page=1000000000000000000`, {
      headers: { cookie: cookieOf.editor! },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('huge-page');
  });

  it('finds nothing for a search with a NUL character (SQLite read it as "every link")', async () => {
    const response = await fetch(`${server.url}/api/links?q=%00zzzz`, { headers: withKey() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ total: 0, links: [] });
  });
});
