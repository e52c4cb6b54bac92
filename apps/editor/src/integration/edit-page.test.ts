// The edit page as staff open it, on the real editor (server.ts + the built Next.js app, real
// HTTP, a real database): its server rendering loads Yjs once. A second copy in the process (the
// server components' bundle beside the client components' one) breaks Yjs' type checks across
// them, and Yjs says so on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffWithSessions } from '@newsroom/auth/testing';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { startApp, type AppServer } from '@newsroom/testing';

let testDb: TestDatabase;
let editor: AppServer;
let cookie: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  editor = await startApp('editor', testDb.url);
  const { cookieOf } = await createStaffWithSessions(testDb.db, [['editor', 'editor']]);
  cookie = cookieOf.editor!;
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

describe('the edit page', () => {
  it('renders for staff, loading one copy of Yjs on the server', async () => {
    const article = await createPublishedArticle(testDb.db, 'edited-here');
    const response = await fetch(`${editor.url}/newsroom/articles/${article.id}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Article edited-here');
    // Everything the server wrote is in its output once it has exited.
    await editor.stop();
    expect(editor.output()).not.toContain('Yjs was already imported');
  });
});
