// The collaboration server while its database is away: it cannot check a connection's rights, so
// it answers `unavailable` (not a refusal): an open connection's document is closed with that
// reason, a new one is turned away with it. The page then shows itself offline and attaches the
// document again shortly (what CollabSession does); once the database is back, that attach is
// taken and the edits typed meanwhile reach the working copy. A PostgreSQL cluster of the test's
// own, stopped and started again on one address. Runs under `npm run test:postgres`.
import { createSession } from '@newsroom/auth';
import { createDb, type Db } from '@newsroom/db';
import { applyPendingMigrations } from '@newsroom/db/migrate';
import { ownPostgresCluster } from '@newsroom/db/testing';
import { createArticle, findEditableArticle } from '@newsroom/editorial';
import { freePort } from '@newsroom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment } from '../document/article-ydoc';
import { COLLAB_UNAVAILABLE } from '../document/document-name';
import { createCollabServer, type CollabServer } from './collab-server';
import { connectClient, waitForDoc, type TestClient } from './test-clients';

const ORIGIN = 'http://newsroom.test';
const cluster = ownPostgresCluster();

let db: Db;
let server: CollabServer;
let url: string;
let token: string;
let articleId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  const databaseUrl = cluster.start();
  await applyPendingMigrations(databaseUrl);
  db = createDb(databaseUrl);
  const user = await db.user.create({
    data: { email: 'outage@newsroom.test', name: 'Outage', role: 'editor', passwordHash: 'x' },
  });
  token = (await createSession(db, user.id)).token;
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  articleId = (
    await createArticle(db, { id: user.id, role: 'editor' } as never, {
      title: 'Written through an outage',
      sectionId: section.id,
    })
  ).id;
  server = createCollabServer({
    db,
    allowedOrigins: [ORIGIN],
    storeDebounceMs: 50,
    storeMaxDebounceMs: 200,
    rightsRecheckMs: 0,
  });
  server.configuration.address = '127.0.0.1';
  await server.listen(await freePort());
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  for (const client of clients) client.provider.destroy();
  await server?.destroy();
  await db?.$disconnect();
  cluster.stop();
});

function connect() {
  const client = connectClient({ url, articleId, sessionToken: token, origin: ORIGIN });
  clients.push(client);
  return client;
}

/** The reason of the next close of the client's document by the server. */
const nextClose = (client: TestClient) =>
  new Promise<string>((resolve) =>
    client.provider.on('close', ({ event }: { event: { reason: string } }) =>
      resolve(event.reason),
    ),
  );

function typeAtStart(doc: Y.Doc, text: string) {
  const fragment = bodyFragment(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(0, [paragraph]);
}

describe('the collaboration server while its database is away', () => {
  it('answers "unavailable", and takes the edits once the database is back', async () => {
    const writer = connect();
    expect(await writer.authenticated).toBe('read-write');
    await waitForDoc(writer.doc, (doc) => bodyFragment(doc).length > 0);

    cluster.halt();
    const closed = nextClose(writer);
    typeAtStart(writer.doc, 'Typed while the database was away. ');
    expect(await closed).toBe(COLLAB_UNAVAILABLE);

    // A page opened meanwhile is told the same, not refused.
    const late = connect();
    await expect(late.authenticated).rejects.toThrow(COLLAB_UNAVAILABLE);
    late.provider.destroy();

    cluster.resume();
    // What the page does a few seconds after "unavailable": attach the document again, until taken.
    await expect
      .poll(
        async () => {
          if (!writer.provider.isAuthenticated) {
            writer.provider.detach();
            writer.provider.attach();
          }
          const stored = await findEditableArticle(db, articleId).catch(() => null);
          return JSON.stringify(stored?.body ?? null);
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain('Typed while the database was away.');
  });
});
