// The staff shell on the real editor (server.ts + the built Next.js app, real HTTP, a real
// database): return paths, Origin checks for route handlers and server actions, the login guard
// shared with the shortener, the one error shape with its input checks, and writers' drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@newsroom/auth';
import { STAFF_TEST_PASSWORD as PASSWORD, createStaffWithSessions } from '@newsroom/auth/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import {
  countByKind,
  formFields,
  multipart,
  openRedirectCorpus,
  postPageForm,
  redirectTarget,
  startBothApps,
  type AppServer,
} from '@newsroom/testing';

const HOME = '/newsroom/articles';

let testDb: TestDatabase;
let editor: AppServer;
let shortener: AppServer;
let cookieOf: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ editor, shortener } = await startBothApps(testDb.url));
  ({ cookieOf } = await createStaffWithSessions(testDb.db, [
    ['editor', 'editor'],
    ['writer', 'writer'],
    ['other-writer', 'writer'],
    ['login-a', 'writer'],
    ['login-b', 'writer'],
    ['guarded', 'editor'],
    ['raced', 'editor'],
  ]));
  await testDb.db.section.create({ data: { slug: 'world', name: 'World', position: 1 } });
});

afterAll(async () => {
  await Promise.all([editor?.stop(), shortener?.stop()]);
  await testDb?.cleanup();
});

function sameOrigin(server: AppServer, as = 'editor') {
  return { cookie: cookieOf[as]!, origin: server.url };
}

describe('return paths', () => {
  const corpus = openRedirectCorpus('/newsroom', '/newsroom/login');

  it(`refuses all ${corpus.length} open-redirect payloads when already logged in`, async () => {
    expect(countByKind(corpus)).toMatchObject({ encoded: expect.any(Number) });
    for (const { kind, value } of corpus) {
      const response = await fetch(
        `${editor.url}/newsroom/login?next=${encodeURIComponent(value)}`,
        { headers: { cookie: cookieOf.editor! }, redirect: 'manual' },
      );
      const location = redirectTarget(response, editor.url);
      expect(`${location.origin}${location.pathname}`, `${kind}: ${JSON.stringify(value)}`).toBe(
        `${editor.url}${HOME}`,
      );
    }
  });

  it(`refuses all ${corpus.length} payloads right after logging in`, async () => {
    let n = 0;
    for (const { kind, value } of corpus) {
      // Two accounts take turns: each login counts against its account's guard budget.
      const email = n++ % 2 ? 'login-a@example.com' : 'login-b@example.com';
      const response = await postPageForm(
        editor.url,
        '/newsroom/login',
        'password',
        { email, password: PASSWORD, next: value },
        { origin: editor.url },
      );
      expect(response.status, `${kind}: ${JSON.stringify(value)}`).toBe(303);
      const location = redirectTarget(response, editor.url);
      expect(`${location.origin}${location.pathname}`, `${kind}: ${JSON.stringify(value)}`).toBe(
        `${editor.url}${HOME}`,
      );
      expect(response.headers.get('set-cookie')).toContain(SESSION_COOKIE);
    }
  });

  it('keeps a real newsroom path', async () => {
    const response = await fetch(
      `${editor.url}/newsroom/login?next=${encodeURIComponent('/newsroom/users?x=1')}`,
      { headers: { cookie: cookieOf.editor! }, redirect: 'manual' },
    );
    expect(redirectTarget(response, editor.url).href).toBe(`${editor.url}/newsroom/users?x=1`);
  });
});

describe('Origin checks', () => {
  const article = { title: 'Cross-site?', sectionId: 'unknown' };

  it('refuses API mutations without an Origin or from another site with 403 and a message', async () => {
    for (const origin of [undefined, 'https://evil.example', 'null']) {
      const response = await fetch(`${editor.url}/api/newsroom/articles`, {
        method: 'POST',
        headers: {
          cookie: cookieOf.editor!,
          'content-type': 'application/json',
          ...(origin && { origin }),
        },
        body: JSON.stringify(article),
      });
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.error.code).toBe('cross_site_request');
      expect(body.error.message).toMatch(/Cross-site request refused/);
    }
  });

  it('refuses server actions without an Origin or from another site with 403, changing nothing', async () => {
    const before = await testDb.db.article.count();
    for (const origin of [undefined, 'https://evil.example']) {
      const response = await postPageForm(
        editor.url,
        '/newsroom/articles/new',
        'title',
        { title: 'Made by a forged form' },
        { cookie: cookieOf.editor!, ...(origin && { origin }) },
      );
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/Cross-site request refused/);
    }
    expect(await testDb.db.article.count()).toBe(before);
    // A forged log-out is refused too, and the session survives it.
    const page = await fetch(`${editor.url}${HOME}`, { headers: { cookie: cookieOf.editor! } });
    const html = await page.text();
    const logoutForm = html.slice(html.lastIndexOf('<form', html.indexOf('Log out')));
    const actionField = /name="(\$ACTION_ID_[^"]+)"/.exec(logoutForm)?.[1];
    expect(actionField).toBeTruthy();
    const forged = await fetch(`${editor.url}${HOME}`, {
      method: 'POST',
      body: multipart({ [actionField!]: '' }),
      headers: { cookie: cookieOf.editor!, origin: 'https://evil.example' },
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    const after = await fetch(`${editor.url}/api/newsroom/articles`, {
      headers: { cookie: cookieOf.editor! },
    });
    expect(after.status).toBe(200);
  });
});

describe('the one error shape and its input checks', () => {
  async function create(body: BodyInit, contentType: string) {
    const response = await fetch(`${editor.url}/api/newsroom/articles`, {
      method: 'POST',
      headers: { ...sameOrigin(editor), 'content-type': contentType },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  it('answers 415 unless the body is application/json', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const answer = await create('{"title":"x"}', type);
      expect(answer.status).toBe(415);
      expect(answer.body.error).toMatchObject({ code: 'unsupported_media_type' });
      expect(answer.body.error.message).toContain('application/json');
    }
  });

  it('answers 413 with a message past the size limit, 400 for invalid UTF-8 and lone surrogates', async () => {
    const big = await create(
      JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) }),
      'application/json',
    );
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than/);
    const bytes = new Uint8Array([...Buffer.from('{"title":"'), 0xc3, 0x28, ...Buffer.from('"}')]);
    expect(await create(bytes, 'application/json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_encoding' } },
    });
    expect(await create('{"title":"bad \\ud800"}', 'application/json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_text' } },
    });
    expect(await create('{"title":', 'application/json')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json' } },
    });
  });

  it('answers 401, 404 and 422 in the same shape', async () => {
    const anonymous = await fetch(`${editor.url}/api/newsroom/articles`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
    const missing = await fetch(`${editor.url}/api/newsroom/articles/nope`, {
      headers: sameOrigin(editor),
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'not_found' });
    const invalid = await create(JSON.stringify({ title: '' }), 'application/json');
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: 'validation_failed', fields: {} });
    expect(Object.keys(invalid.body.error.fields).length).toBeGreaterThan(0);
  });
});

describe('writers and drafts; GET then PUT', () => {
  async function createDraft(as: string, title: string) {
    const sectionId = (await testDb.db.section.findFirstOrThrow()).id;
    const response = await fetch(`${editor.url}/api/newsroom/articles`, {
      method: 'POST',
      headers: { ...sameOrigin(editor, as), 'content-type': 'application/json' },
      body: JSON.stringify({ title, sectionId }),
    });
    expect(response.status).toBe(201);
    return (await response.json()).article as { id: string };
  }

  it('shows writers only their own drafts in the list, the API and the preview', async () => {
    const theirs = await createDraft('other-writer', 'Not for your eyes');
    const mine = await createDraft('writer', 'My draft');
    const asWriter = { headers: sameOrigin(editor, 'writer') };
    const list = await (await fetch(`${editor.url}/api/newsroom/articles`, asWriter)).json();
    const ids = list.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await fetch(`${editor.url}/api/newsroom/articles/${theirs.id}`, asWriter)).status).toBe(
      404,
    );
    expect(
      (await fetch(`${editor.url}/api/newsroom/articles/${theirs.id}/revisions`, asWriter)).status,
    ).toBe(404);
    // A save answers as for an id that never existed, so it cannot tell that the draft exists.
    const save = (id: string) =>
      fetch(`${editor.url}/api/newsroom/articles/${id}`, {
        method: 'PUT',
        headers: { ...asWriter.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion: 1, title: 'Hijacked' }),
      }).then(async (response) => [response.status, await response.json()]);
    expect(await save(theirs.id)).toEqual(await save('no-such-article'));
    const read = (id: string) =>
      fetch(`${editor.url}/api/newsroom/articles/${id}`, asWriter).then((response) =>
        response.json(),
      );
    expect(await read(theirs.id)).toEqual(await read('no-such-article'));
    expect(await read(theirs.id)).toEqual(await save(theirs.id).then(([, body]) => body));
    expect((await save(theirs.id))[0]).toBe(404);
    const preview = await fetch(`${editor.url}/newsroom/articles/${theirs.id}/preview`, asWriter);
    expect(preview.status).toBe(404);
    expect(await preview.text()).not.toContain('Not for your eyes');
    const listPage = await fetch(`${editor.url}/newsroom/articles`, asWriter);
    expect(await listPage.text()).not.toContain('Not for your eyes');
    // Editors see every draft.
    const asEditor = { headers: sameOrigin(editor, 'editor') };
    expect((await fetch(`${editor.url}/api/newsroom/articles/${theirs.id}`, asEditor)).status).toBe(
      200,
    );
  });

  it('takes back with PUT an article exactly as GET returned it', async () => {
    const draft = await createDraft('editor', 'Round trip over HTTP');
    const url = `${editor.url}/api/newsroom/articles/${draft.id}`;
    const headers = { ...sameOrigin(editor), 'content-type': 'application/json' };
    const { article } = await (await fetch(url, { headers })).json();
    const saved = await fetch(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...article, baseVersion: article.version }),
    });
    expect(saved.status).toBe(200);
  });
});

describe('login guard', () => {
  it('lets at most 10 of 100 concurrent wrong guesses be checked, then refuses the right password', async () => {
    const email = 'raced@example.com';
    const page = await fetch(`${editor.url}/newsroom/login`);
    const fields = formFields(await page.text(), 'password');
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const response = await fetch(`${editor.url}/newsroom/login`, {
          method: 'POST',
          body: multipart({ ...fields, email, password: `concurrent guess ${i}` }),
          headers: { origin: editor.url },
          redirect: 'manual',
        });
        return redirectTarget(response, editor.url).searchParams.get('error');
      }),
    );
    // "invalid" means the password was checked (and wrong); "throttled" means it never was.
    const checked = answers.filter((answer) => answer === 'invalid').length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.filter((answer) => answer === 'throttled')).toHaveLength(100 - checked);

    const right = await fetch(`${editor.url}/newsroom/login`, {
      method: 'POST',
      body: multipart({ ...fields, email, password: PASSWORD }),
      headers: { origin: editor.url },
      redirect: 'manual',
    });
    const refusedAt = redirectTarget(right, editor.url);
    expect(refusedAt.searchParams.get('error')).toBe('throttled');
    expect(right.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
    // The login page says how long to wait, as the shortener's does.
    const loginPage = await (await fetch(refusedAt)).text();
    expect(loginPage).toMatch(/Too many login attempts. Try again in \d+ minutes?\./);
  });

  it('is shared by both apps: the shortener refuses once the editor has throttled the account', async () => {
    const email = 'guarded@example.com';
    for (let i = 0; i < 10; i++) {
      const wrong = await postPageForm(
        editor.url,
        '/newsroom/login',
        'password',
        { email, password: `wrong guess ${i}` },
        { origin: editor.url },
      );
      expect(redirectTarget(wrong, editor.url).searchParams.get('error')).toBe('invalid');
    }
    const throttled = await postPageForm(
      editor.url,
      '/newsroom/login',
      'password',
      { email, password: PASSWORD },
      { origin: editor.url },
    );
    expect(redirectTarget(throttled, editor.url).searchParams.get('error')).toBe('throttled');

    const onShortener = await postPageForm(
      shortener.url,
      '/login',
      'password',
      { email, password: PASSWORD },
      { origin: shortener.url },
    );
    expect(onShortener.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
    expect(await onShortener.text()).toContain('Too many login attempts');
  });
});
