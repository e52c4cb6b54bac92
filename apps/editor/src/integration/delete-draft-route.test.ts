// The editor's DELETE of a draft keeps its short link's code reserved as the shortener does:
// for SHORTENER_DELETED_CODE_DAYS (0: not at all), read through @newsroom/links, and a bad value
// stops the editor's start with the shortener's message. The real editor on a real database.
import { SESSION_COOKIE } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleApiPath } from '../newsroom/newsroom-paths';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import { createNewsroom } from '../testing/newsroom-fixtures';

let testDb: TestDatabase;
let editor: EditorProcess | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

describe('DELETE /api/newsroom/articles/<id> and SHORTENER_DELETED_CODE_DAYS', () => {
  it('refuses to start on a value the shortener would refuse, with the same message', async () => {
    // Stopped again should it start after all: a failing test leaves no editor running.
    const started = startEditor(testDb.url, { SHORTENER_DELETED_CODE_DAYS: 'a month' }).then(
      (server) => server.stop(),
    );
    const failure = await started.then(
      () => null,
      (error: Error) => error.message,
    );
    // One line for the operator, no stack trace of the code that read the setting.
    expect(failure).toContain(
      'Cannot start: SHORTENER_DELETED_CODE_DAYS must be a whole number (0 or more), got "a month"',
    );
    expect(failure).not.toMatch(/\n\s+at /);
  });

  it('reserves nothing when the shortener keeps no deleted codes (0 days)', async () => {
    editor = await startEditor(testDb.url, { SHORTENER_DELETED_CODE_DAYS: '0' });
    const { editor: staff, world, sessionToken } = await createNewsroom(testDb.db);
    const draft = await testDb.db.article.create({
      data: {
        authorId: staff.id,
        sectionId: world.id,
        slug: 'test-paste',
        title: 'Test paste',
        body: '{"type":"doc","content":[]}',
      },
    });
    await testDb.db.shortLink.create({
      data: {
        code: 'Paste9',
        codeKey: 'paste9',
        url: 'https://example.com/x',
        articleId: draft.id,
      },
    });
    const response = await fetch(`${editor.url}${articleApiPath(draft.id)}`, {
      method: 'DELETE',
      headers: {
        cookie: `${SESSION_COOKIE}=${sessionToken}`,
        origin: editor.url,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ baseVersion: draft.version }),
    });
    expect(response.status).toBe(200);
    expect(await testDb.db.shortLink.count({ where: { code: 'Paste9' } })).toBe(0);
    // With the default (30 days) the code would be kept from new links here.
    expect(await testDb.db.deletedCode.count({ where: { codeKey: 'paste9' } })).toBe(0);
  });
});
