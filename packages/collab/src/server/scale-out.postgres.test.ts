// Under `npm run test:postgres` (TEST_DATABASE_URL and TEST_REDIS_URL): two collaboration
// servers on one database share documents through Redis.
import { createSession } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createArticle, findEditableArticle } from '@newsroom/editorial';
import { freePort } from '@newsroom/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bodyFragment, yDocToArticle } from '../document/article-ydoc';
import { createCollabServer, type CollabServer } from './collab-server';
import { redisScaleOut } from './scale-out';
import { connectClient, waitForDoc, type TestClient } from './test-clients';

const ORIGIN = 'http://newsroom.test';
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) throw new Error('TEST_REDIS_URL is not set: run `npm run test:postgres`');

let testDb: TestDatabase;
const servers: CollabServer[] = [];
const clients: TestClient[] = [];
let token: string;
let articleId: string;

const textOf = (doc: Y.Doc) => JSON.stringify(yDocToArticle(doc).body);

async function startServer(name: string) {
  const server = createCollabServer({
    db: testDb.db,
    allowedOrigins: [ORIGIN],
    storeDebounceMs: 50,
    storeMaxDebounceMs: 200,
    extensions: [redisScaleOut(redisUrl!, `${name}-${process.pid}`)],
  });
  server.configuration.address = '127.0.0.1';
  await server.listen(await freePort());
  servers.push(server);
  return `ws://127.0.0.1:${server.address.port}`;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const editor = await db.user.create({
    data: { email: 'editor@newsroom.test', name: 'Ed', role: 'editor', passwordHash: 'unused' },
  });
  token = (await createSession(db, editor.id)).token;
  const section = await db.section.create({ data: { slug: 'world', name: 'World', position: 1 } });
  const article = await createArticle(
    db,
    { id: editor.id, role: 'editor' },
    {
      title: `Shared ${Date.now()}`,
      sectionId: section.id,
    },
  );
  articleId = article.id;
  const body = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start.' }] }],
  };
  await db.article.update({ where: { id: articleId }, data: { body: JSON.stringify(body) } });
});

afterAll(async () => {
  for (const client of clients) client.provider.destroy();
  for (const server of servers) await server.destroy();
  await testDb?.cleanup();
});

it('clients on two servers edit one document and the working copy gets both', async () => {
  const [first, second] = [await startServer('first'), await startServer('second')];
  const a = connectClient({ url: first, articleId, sessionToken: token, origin: ORIGIN });
  const b = connectClient({ url: second, articleId, sessionToken: token, origin: ORIGIN });
  clients.push(a, b);
  await Promise.all([a.authenticated, b.authenticated]);
  await waitForDoc(a.doc, (doc) => textOf(doc).includes('Start.'));
  await waitForDoc(b.doc, (doc) => textOf(doc).includes('Start.'));

  const type = (doc: Y.Doc, text: string, at: 'start' | 'end') => {
    const paragraph = bodyFragment(doc).get(0) as Y.XmlElement;
    const node = paragraph.get(0) as Y.XmlText;
    node.insert(at === 'start' ? 0 : node.length, text);
  };
  type(a.doc, 'From A. ', 'start');
  type(b.doc, ' From B.', 'end');
  const both = (doc: Y.Doc) => textOf(doc).includes('From A. Start. From B.');
  await waitForDoc(a.doc, both);
  await waitForDoc(b.doc, both);
  expect(textOf(a.doc).match(/Start\./g)).toHaveLength(1);

  // Both servers write the working copy, each after its own document changed; a server may
  // write once before the other's update reaches it, and again when it does. Wait for the
  // writes to settle on the merged text rather than for one server's "saved".
  type(a.doc, 'Again. ', 'start');
  await waitForDoc(b.doc, (doc) => textOf(doc).includes('Again. From A.'));
  await expect
    .poll(async () => JSON.stringify((await findEditableArticle(testDb.db, articleId))?.body), {
      timeout: 30_000,
    })
    .toContain('Again. From A. Start. From B.');
});
