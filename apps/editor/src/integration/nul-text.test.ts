// NUL (U+0000) from a request never reaches the database: PostgreSQL refuses it in any text it
// stores or compares ("invalid byte sequence for encoding UTF8: 0x00"), so an id, slug or section
// id holding one made each look-up a 500 there. In a path it is a malformed address (400 from the
// front server); in a JSON body, a query string or the import form's section, `invalid_text`.
// The real editor, on SQLite or (under `npm run test:postgres`) PostgreSQL.
import { SESSION_COOKIE } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import { createNewsroom, insertArticle } from '../testing/newsroom-fixtures';

let testDb: TestDatabase;
let editor: EditorProcess;
let staff: Awaited<ReturnType<typeof createNewsroom>>;
let articleId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  editor = await startEditor(testDb.url);
  staff = await createNewsroom(testDb.db);
  articleId = (
    await insertArticle(testDb.db, {
      authorId: staff.editor.id,
      sectionId: staff.world.id,
      slug: 'nul-story',
      title: 'A story',
    })
  ).id;
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

function send(method: string, path: string, body?: BodyInit, type = 'application/json') {
  return fetch(`${editor.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: `${SESSION_COOKIE}=${staff.sessionToken}`,
      origin: editor.url,
      accept: 'application/json',
      ...(body !== undefined && typeof body === 'string' ? { 'content-type': type } : {}),
    },
    body,
  });
}

async function errorOf(response: Response) {
  return {
    status: response.status,
    code: ((await response.json()) as { error: { code: string } }).error.code,
  };
}

describe('NUL in a request', () => {
  it('in a path: 400, for pages, feeds and APIs alike', async () => {
    for (const path of [
      '/%00',
      `/${staff.world.slug}/%00`,
      '/%00/feed.xml',
      '/newsroom/articles/%00',
      '/api/newsroom/articles/%00',
      '/api/articles/%00/short-link',
    ]) {
      const response = await send(path.endsWith('short-link') ? 'POST' : 'GET', path);
      expect(response.status, path).toBe(400);
    }
    const publish = await send('POST', '/api/newsroom/articles/%00/publish', '{"baseVersion":1}');
    expect(await errorOf(publish)).toEqual({ status: 400, code: 'bad_request' });
  });

  it('in a JSON body, a query string or the import form: 400 invalid_text', async () => {
    const created = await send(
      'POST',
      '/api/newsroom/articles',
      '{"title":"x","sectionId":"\\u0000"}',
    );
    expect(await errorOf(created)).toEqual({ status: 400, code: 'invalid_text' });
    const preview = await send(
      'POST',
      '/api/newsroom/preview',
      JSON.stringify({
        body: { type: 'doc', content: [{ type: 'paragraph' }] },
        markerStyle: 'symbols',
        related: [{ articleId: 'a\u0000' }],
      }),
    );
    expect(await errorOf(preview)).toEqual({ status: 400, code: 'invalid_text' });
    const search = await send('GET', `/api/newsroom/related-search?q=a&exclude=${articleId}%00`);
    expect(await errorOf(search)).toEqual({ status: 400, code: 'invalid_text' });
    const form = new FormData();
    form.set('file', new Blob(['<p>Text</p>'], { type: 'text/html' }), 'story.html');
    form.set('sectionId', `${staff.world.id}\u0000`);
    const imported = await send('POST', '/api/newsroom/articles/import', form);
    expect(await errorOf(imported)).toEqual({ status: 400, code: 'invalid_text' });
  });
});
