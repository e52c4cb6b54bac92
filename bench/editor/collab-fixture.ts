/**
 * A real collaboration server for the editor bench: a throw-away database with one editor, a
 * session for them and one article per document, served by the same Hocuspocus server
 * `npm start` runs. The bench page connects to it as the edit page does.
 */
import { SESSION_COOKIE, createSession } from '@newsroom/auth';
import { createCollabServer, type CollabServer } from '@newsroom/collab/server';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createArticle } from '@newsroom/editorial';
import { freePort } from '@newsroom/testing';
import type { JSONContent } from '@tiptap/core';

export interface CollabFixture {
  url: string;
  /** The staff session cookie browsers must send with the WebSocket. */
  cookie: { name: string; value: string };
  /** A new article holding `body`, for one measurement. */
  newArticle(body: JSONContent): Promise<string>;
  close(): Promise<void>;
}

export async function startCollabFixture(pageOrigin: string): Promise<CollabFixture> {
  const testDb: TestDatabase = await createTestDatabase();
  const { db } = testDb;
  const user = await db.user.create({
    data: { email: 'bench@newsroom.test', name: 'Bench', role: 'editor', passwordHash: 'unused' },
  });
  const { token } = await createSession(db, user.id);
  const section = await db.section.create({ data: { slug: 'world', name: 'World', position: 1 } });
  const server: CollabServer = createCollabServer({ db, allowedOrigins: [pageOrigin] });
  server.configuration.address = '127.0.0.1';
  await server.listen(await freePort());
  let count = 0;
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    cookie: { name: SESSION_COOKIE, value: token },
    async newArticle(body) {
      const article = await createArticle(
        db,
        { id: user.id, role: user.role },
        {
          title: `Bench article ${++count}`,
          sectionId: section.id,
        },
      );
      await db.article.update({ where: { id: article.id }, data: { body: JSON.stringify(body) } });
      return article.id;
    },
    async close() {
      await server.destroy();
      await testDb.cleanup();
    },
  };
}
