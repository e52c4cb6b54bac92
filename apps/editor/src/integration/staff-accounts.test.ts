// Ending staff accounts on the real apps (server.ts + the built Next.js apps, real HTTP, a real
// database): deactivation through the users API logs the person out of both apps at once, the
// last-admin and role rules answer in the one error shape, the account page's actions are
// refused cross-site, and revoking the editor's own API key does not break "Get short URL".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_CURRENT_PASSWORD, authenticate, revokeApiKey } from '@newsroom/auth';
import { PASSWORD_CHANGE_LIMIT } from '@newsroom/auth/next';
import { STAFF_TEST_PASSWORD as PASSWORD, createStaffWithSessions } from '@newsroom/auth/testing';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { LAST_ADMIN_MESSAGE } from '@newsroom/editorial';
import {
  freePort,
  postPageForm,
  redirectTarget,
  startApp,
  startTogether,
  type AppServer,
} from '@newsroom/testing';
import { userApiPath } from '../newsroom/newsroom-paths';

let testDb: TestDatabase;
let editor: AppServer;
let shortener: AppServer;
let cookieOf: Record<string, string>;
let idOf: Record<string, string>;
let dataDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-accounts-'));
  // The editor calls this shortener with the key it provisions for itself in its data folder;
  // the shortener accepts the editor's own address as a destination. Each needs the other's
  // URL, so both ports are chosen here and both apps start at once.
  const [editorPort, shortenerPort] = [await freePort(), await freePort()];
  const urls = {
    EDITOR_URL: `http://127.0.0.1:${editorPort}`,
    SHORTENER_URL: `http://127.0.0.1:${shortenerPort}`,
  };
  [editor, shortener] = await startTogether([
    () =>
      startApp('editor', testDb.url, {
        port: editorPort,
        env: { ...urls, NEWSROOM_DATA_DIR: dataDir },
      }),
    () => startApp('shortener', testDb.url, { port: shortenerPort, env: urls }),
  ]);
  ({ cookieOf, idOf } = await createStaffWithSessions(testDb.db, [
    ['admin', 'admin'],
    ['editor', 'editor'],
    ['leaver', 'writer'],
    ['changer', 'writer'],
    ['guessed', 'writer'],
  ]));
});

afterAll(async () => {
  await Promise.all([editor?.stop(), shortener?.stop()]);
  await testDb?.cleanup();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function post(path: string, as: string, origin = editor.url, body?: unknown) {
  return fetch(`${editor.url}${path}`, {
    method: body === undefined ? 'POST' : 'PATCH',
    headers: {
      cookie: cookieOf[as]!,
      origin,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('deactivating a member of staff through the users API', () => {
  it('is refused to non-admins and cross-site, in the one error shape', async () => {
    const byEditor = await post(`${userApiPath(idOf.leaver!)}/deactivate`, 'editor');
    expect(byEditor.status).toBe(403);
    expect((await byEditor.json()).error).toMatchObject({ code: 'forbidden' });
    const crossSite = await post(
      `${userApiPath(idOf.leaver!)}/deactivate`,
      'admin',
      'https://evil.example',
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatchObject({ code: 'cross_site_request' });
    expect(
      (await testDb.db.user.findUnique({ where: { id: idOf.leaver! } }))?.deactivatedAt,
    ).toBeNull();
  });

  it('logs them out of both apps at once (pages and APIs) and refuses their login', async () => {
    const leaver = { cookie: cookieOf.leaver! };
    expect((await fetch(`${editor.url}/api/newsroom/articles`, { headers: leaver })).status).toBe(
      200,
    );

    const response = await post(`${userApiPath(idOf.leaver!)}/deactivate`, 'admin');
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({
      id: idOf.leaver,
      deactivatedAt: expect.any(String),
    });

    const api = await fetch(`${editor.url}/api/newsroom/articles`, { headers: leaver });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({
      error: { code: 'unauthorized', message: 'Log in to use this API.' },
    });
    for (const [server, path, login] of [
      [editor, '/newsroom/articles', '/newsroom/login'],
      [shortener, '/links', '/login'],
    ] as const) {
      const page = await fetch(`${server.url}${path}`, { headers: leaver, redirect: 'manual' });
      expect(redirectTarget(page, server.url).pathname).toBe(login);
    }

    const login = await postPageForm(
      editor.url,
      '/newsroom/login',
      'password',
      { email: 'leaver@example.com', password: PASSWORD },
      { origin: editor.url },
    );
    expect(redirectTarget(login, editor.url).searchParams.get('error')).toBe('invalid');
    expect(login.headers.get('set-cookie')).toBeNull();
  });

  it('keeps at least one active admin, and lets an admin reactivate', async () => {
    const self = await post(`${userApiPath(idOf.admin!)}/deactivate`, 'admin');
    expect(self.status).toBe(409);
    const demote = await post(userApiPath(idOf.admin!), 'admin', editor.url, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(await demote.json()).toEqual({
      error: { code: 'conflict', message: LAST_ADMIN_MESSAGE },
    });

    const back = await post(`${userApiPath(idOf.leaver!)}/reactivate`, 'admin');
    expect(back.status).toBe(200);
    expect((await back.json()).user.deactivatedAt).toBeNull();
    expect(await authenticate(testDb.db, 'leaver@example.com', PASSWORD)).not.toBeNull();
  });
});

describe('the account page', () => {
  it('refuses a cross-site password change, changing nothing', async () => {
    const forged = await postPageForm(
      editor.url,
      '/newsroom/account',
      'currentPassword',
      { currentPassword: PASSWORD, newPassword: 'a forged new password' },
      { cookie: cookieOf.changer!, origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/Cross-site request refused/);
    expect(await authenticate(testDb.db, 'changer@example.com', PASSWORD)).not.toBeNull();
    const still = await fetch(`${editor.url}/api/newsroom/articles`, {
      headers: { cookie: cookieOf.changer! },
    });
    expect(still.status).toBe(200);
  });
});

describe('changing one’s password (the form as posted without JavaScript)', () => {
  const attempt = (currentPassword: string, newPassword: string) =>
    postPageForm(
      editor.url,
      '/newsroom/account',
      'currentPassword',
      { currentPassword, newPassword },
      { cookie: cookieOf.guessed!, origin: editor.url },
    ).then((response) => response.text());

  it('counts wrong current passwords per account: past 10, even the right one is refused', async () => {
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.points; i++)
      expect(await attempt(`wrong guess number ${i}`, 'a new long passphrase')).toContain(
        WRONG_CURRENT_PASSWORD,
      );
    expect(await attempt(PASSWORD, 'a new long passphrase')).toMatch(
      /Too many attempts. Try again in \d+ minutes?\./,
    );
    expect(await authenticate(testDb.db, 'guessed@example.com', PASSWORD)).not.toBeNull();
  });
});

describe("revoking the editor's own API key", () => {
  it('rotates it: "Get short URL" keeps working with a new key', async () => {
    const press = async (articleId: string) => {
      const response = await fetch(`${editor.url}/api/articles/${articleId}/short-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: editor.url },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { shortUrl: string }).shortUrl;
    };
    const shortUrlOf = async (slug: string) =>
      press((await createPublishedArticle(testDb.db, slug)).id);
    const keyFile = path.join(dataDir, 'editor.api-key');
    const before = await createPublishedArticle(testDb.db, 'before-revocation');
    const firstUrl = await press(before.id);
    expect(firstUrl).toMatch(/^http/);
    const firstKey = readFileSync(keyFile, 'utf8').trim();

    expect(await revokeApiKey(testDb.db, firstKey)).toMatchObject({ outcome: 'revoked' });
    // A link that exists is read from the database: the shortener, and the key, are not needed.
    expect(await press(before.id)).toBe(firstUrl);
    expect(await testDb.db.apiKey.count({ where: { name: 'editor', revokedAt: null } })).toBe(0);
    expect(await shortUrlOf('after-revocation')).toMatch(/^http/);
    const secondKey = readFileSync(keyFile, 'utf8').trim();
    expect(secondKey).not.toBe(firstKey);
    expect(await testDb.db.apiKey.count({ where: { name: 'editor', revokedAt: null } })).toBe(1);
  });
});
