import { UNPUBLISHED_RELATED_TITLE } from '@newsroom/article';
import { createSession, deleteSession } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import {
  createArticle,
  deleteDraft,
  findEditableArticle,
  restoreRevision,
  listRevisions,
  publishArticle,
} from '@newsroom/editorial';
import { freePort } from '@newsroom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  articleToYDoc,
  bodyFragment,
  hasLegacyTextFields,
  LEAD_IMAGE_FIELD,
  leadImageEntry,
  metaMap,
  readRelated,
  readTextField,
  writeTextField,
  yDocToArticle,
} from '../document/article-ydoc';
import { articleDocumentName } from '../document/document-name';
import { collabUserOf } from '../people/collab-user';
import { COLLAB_MAX_MESSAGE_BYTES, createCollabServer, type CollabServer } from './collab-server';
import { createPersistence, WORKING_COPY_ORIGIN } from './persistence';
import { connectClient, waitForDoc, type TestClient } from './test-clients';

const ORIGIN = 'http://newsroom.test';

let testDb: TestDatabase;
let server: CollabServer;
let url: string;
const tokens: Record<string, string> = {};
const users: Record<string, { id: string; role: string }> = {};
let sectionId: string;
const clients: TestClient[] = [];
let onProbe = () => {};

const textOf = (doc: Y.Doc) => JSON.stringify(yDocToArticle(doc).body);

/** Types at the start of the first paragraph, as the editor's binding would. */
function typeInFirstParagraph(doc: Y.Doc, text: string) {
  const paragraph = bodyFragment(doc).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(0, text);
}

function connect(articleId: string, who?: string, origin = ORIGIN, listenOnly = false) {
  const client = connectClient({
    url,
    articleId,
    sessionToken: who && tokens[who],
    origin,
    listenOnly,
  });
  clients.push(client);
  // A refused client would retry forever; the tests look at the first answer only.
  client.authenticated.catch(() => client.provider.destroy());
  return client;
}

async function startServer() {
  server = createCollabServer({
    db: testDb.db,
    allowedOrigins: [ORIGIN],
    storeDebounceMs: 50,
    storeMaxDebounceMs: 200,
    // Rights read again before every message: what a logout or a lower role ends shows at once.
    rightsRecheckMs: 0,
    rightsSweepMs: 50,
    extensions: [
      {
        async onStateless({ payload }) {
          if (payload === 'probe') onProbe();
        },
      },
    ],
  });
  server.configuration.address = '127.0.0.1';
  await server.listen(await freePort());
  url = `ws://127.0.0.1:${server.address.port}`;
}

async function newDraft(author: string, text: string) {
  const article = await createArticle(testDb.db, users[author] as never, {
    title: `Draft by ${author} ${Math.random()}`,
    sectionId,
  });
  const db = testDb.db;
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  await db.article.update({ where: { id: article.id }, data: { body: JSON.stringify(body) } });
  return article.id;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  for (const [name, role] of [
    ['writer', 'writer'],
    ['other', 'writer'],
    ['editor', 'editor'],
  ] as const) {
    const user = await db.user.create({
      data: { email: `${name}@newsroom.test`, name, role, passwordHash: 'unused' },
    });
    users[name] = { id: user.id, role };
    tokens[name] = (await createSession(db, user.id)).token;
  }
  sectionId = (await db.section.create({ data: { slug: 'world', name: 'World', position: 1 } })).id;
  await startServer();
});

afterAll(async () => {
  for (const client of clients) client.provider.destroy();
  await server?.destroy();
  await testDb?.cleanup();
});

const sharedDoc = (id: string) => server.hocuspocus.documents.get(articleDocumentName(id))!;

/** Resolves once the server has handled everything `client` sent before it. */
async function probe(client: TestClient) {
  const probed = new Promise<void>((resolve) => (onProbe = resolve));
  client.provider.sendStateless('probe');
  await probed;
}

describe('collaboration server', () => {
  it('shares edits between people and writes the working copy through the write path', async () => {
    const id = await newDraft('writer', 'Storm reaches the coast.');
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    expect(await writer.authenticated).toBe('read-write');
    expect(await editor.authenticated).toBe('read-write');
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Storm'));

    const saved = writer.nextMessage((message) => message.type === 'saved');
    typeInFirstParagraph(writer.doc, 'Breaking: ');
    await waitForDoc(editor.doc, (doc) => textOf(doc).includes('Breaking: Storm'));
    const { version } = (await saved) as { version: number };

    const stored = await findEditableArticle(testDb.db, id);
    expect(stored?.version).toBe(version);
    expect(JSON.stringify(stored?.body)).toContain('Breaking: Storm reaches the coast.');
    const row = await testDb.db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    expect(row.articleVersion).toBe(version);
    expect(textOf(decode(row.state))).toContain('Breaking: Storm');
  });

  it('upgrades a document stored with the old plain headline once, for everyone', async () => {
    const id = await newDraft('writer', 'Stored the old way.');
    const article = (await findEditableArticle(testDb.db, id))!;
    // As stored before the headline and standfirst were texts: plain values in the map.
    const old = articleToYDoc({ ...article, title: '', standfirst: '' });
    metaMap(old).set('title', article.title);
    metaMap(old).set('standfirst', 'Ferries cancelled');
    await testDb.db.collabDocument.create({
      data: {
        articleId: id,
        state: new Uint8Array(Y.encodeStateAsUpdate(old)),
        articleVersion: article.version,
      },
    });
    const [writer, editor] = [connect(id, 'writer'), connect(id, 'editor')];
    await Promise.all([writer.authenticated, editor.authenticated]);
    for (const client of [writer, editor]) {
      await waitForDoc(client.doc, (doc) => readTextField(doc, 'title') === article.title);
      expect(hasLegacyTextFields(client.doc)).toBe(false);
      expect(readTextField(client.doc, 'standfirst')).toBe('Ferries cancelled');
    }
    const saved = writer.nextMessage((message) => message.type === 'saved');
    writeTextField(writer.doc, 'title', `${article.title} tonight`);
    await waitForDoc(editor.doc, (doc) => readTextField(doc, 'title').endsWith(' tonight'));
    await saved;
    expect((await findEditableArticle(testDb.db, id))?.title).toBe(`${article.title} tonight`);
    expect(readTextField(editor.doc, 'title')).toBe(`${article.title} tonight`);
  });

  it('seeds a document once, however many people open it at the same moment', async () => {
    const id = await newDraft('writer', 'Only once.');
    const [a, b, c] = [connect(id, 'writer'), connect(id, 'editor'), connect(id, 'editor')];
    await Promise.all([a, b, c].map((client) => client.authenticated));
    for (const client of [a, b, c])
      await waitForDoc(client.doc, (doc) => textOf(doc).includes('Only once.'));
    expect(textOf(a.doc).match(/Only once\./g)).toHaveLength(1);
    expect(metaMap(a.doc).get('sectionId')).toBe(sectionId);
  });

  describe.each(['a working copy', 'stored bytes'] as const)(
    'a link stored before a stricter check, in %s',
    (storedIn) => {
      it('is taken off when the document loads, its words kept, and the next change saves', async () => {
        const id = await newDraft('writer', 'placeholder');
        const body = {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Read ' },
                {
                  type: 'text',
                  text: 'our report',
                  marks: [{ type: 'link', attrs: { href: 'https://bank.example@evil.example/' } }],
                },
                { type: 'text', text: '.' },
              ],
            },
          ],
        };
        // As old data would be: written straight to the database, no validation.
        const { version } = await testDb.db.article.update({
          where: { id },
          data: { body: JSON.stringify(body) },
        });
        if (storedIn === 'stored bytes') {
          const article = (await findEditableArticle(testDb.db, id))!;
          await testDb.db.collabDocument.create({
            data: {
              articleId: id,
              state: new Uint8Array(Y.encodeStateAsUpdate(articleToYDoc(article))),
              articleVersion: version,
            },
          });
        }
        const writer = connect(id, 'writer');
        await writer.authenticated;
        await waitForDoc(writer.doc, (doc) => textOf(doc).includes('our report'));
        expect(textOf(writer.doc)).not.toContain('evil.example');

        const saved = writer.nextMessage(
          (message) => message.type === 'saved' || message.type === 'invalid',
        );
        typeInFirstParagraph(writer.doc, 'Now: ');
        expect(await saved).toMatchObject({ type: 'saved' });
        const stored = await findEditableArticle(testDb.db, id);
        expect(stored?.body).toEqual({
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Now: Read our report.' }] },
          ],
        });
      });

      it('a related link: is left out of the shared list (or its title mended) when the document loads, and the next change saves', async () => {
        const id = await newDraft('writer', 'Listing it.');
        // As old data would be: written straight to the database, no validation.
        await testDb.db.relatedLink.createMany({
          data: [
            { articleId: id, position: 0, url: 'https://user@example.com/', title: 'Old partner' },
            { articleId: id, position: 1, url: 'https://example.com/', title: 'Elsewhere' },
            { articleId: id, position: 2, url: 'https://EXAMPLE.com', title: 'Repeated' },
            { articleId: id, position: 3, url: 'https://example.org/x', title: 'Con\u0007trol' },
          ],
        });
        if (storedIn === 'stored bytes') {
          const article = (await findEditableArticle(testDb.db, id))!;
          expect(article.related).toHaveLength(4);
          await testDb.db.collabDocument.create({
            data: {
              articleId: id,
              state: new Uint8Array(Y.encodeStateAsUpdate(articleToYDoc(article))),
              articleVersion: article.version,
            },
          });
        }
        const kept = [
          { url: 'https://example.com/', title: 'Elsewhere' },
          { url: 'https://example.org/x', title: 'Control' },
        ];
        const writer = connect(id, 'writer');
        await writer.authenticated;
        await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Listing it.'));
        expect(yDocToArticle(writer.doc).related).toEqual(kept);

        const saved = writer.nextMessage(
          (message) => message.type === 'saved' || message.type === 'invalid',
        );
        typeInFirstParagraph(writer.doc, 'Now: ');
        expect(await saved).toMatchObject({ type: 'saved' });
        expect((await findEditableArticle(testDb.db, id))?.related).toEqual(kept);
      });
    },
  );

  it("names someone else's draft in the related list only as unpublished, even in bytes stored with its headline", async () => {
    const id = await newDraft('writer', 'Listing a draft.');
    const theirs = await newDraft('other', 'Not for the writer.');
    const theirHeadline = (await findEditableArticle(testDb.db, theirs, users.other as never))!
      .title;
    // An editor put it there (the API takes any article id an editor may see).
    await testDb.db.relatedLink.create({
      data: { articleId: id, position: 0, targetArticleId: theirs },
    });
    // Bytes stored by an earlier version, which wrote the draft's own headline into them.
    const article = (await findEditableArticle(testDb.db, id, users.editor as never))!;
    expect(article.related).toEqual([{ articleId: theirs, title: theirHeadline, href: null }]);
    await testDb.db.collabDocument.create({
      data: {
        articleId: id,
        state: new Uint8Array(Y.encodeStateAsUpdate(articleToYDoc(article))),
        articleVersion: article.version,
      },
    });

    const writer = connect(id, 'writer');
    await writer.authenticated;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Listing a draft.'));
    const unpublished = { articleId: theirs, title: UNPUBLISHED_RELATED_TITLE, href: null };
    expect(readRelated(writer.doc)).toEqual([unpublished]);
    // Not even as a deleted entry's content.
    const received = Buffer.from(Y.encodeStateAsUpdate(writer.doc)).toString('utf8');
    expect(received).not.toContain(theirHeadline);
  });

  it('refuses a connection without a valid session, or from another site', async () => {
    const id = await newDraft('writer', 'Secret draft.');
    await expect(connect(id).authenticated).rejects.toThrow('no-session');
    tokens.forged = 'not-a-session';
    await expect(connect(id, 'forged').authenticated).rejects.toThrow('no-session');
    await expect(connect(id, 'writer', 'https://attacker.example').authenticated).rejects.toThrow(
      'origin-not-allowed',
    );
    await expect(connect('no-such-article', 'editor').authenticated).rejects.toThrow(
      'unknown-document',
    );
  });

  it("refuses writers other people's drafts as unknown, and lets them only read what is published", async () => {
    const draft = await newDraft('writer', 'Embargoed.');
    await expect(connect(draft, 'other').authenticated).rejects.toThrow('unknown-document');

    const id = await newDraft('writer', 'Mine.');
    const { version } = (await findEditableArticle(testDb.db, id))!;
    await publishArticle(testDb.db, users.editor as never, id, { baseVersion: version });
    const other = connect(id, 'other');
    expect(await other.authenticated).toBe('readonly');
    await waitForDoc(other.doc, (doc) => textOf(doc).includes('Mine.'));
    typeInFirstParagraph(other.doc, 'Not yours: ');
    // The server handles one connection's messages in order: once the probe sent after the
    // edit has arrived, the edit has been handled (refused).
    await probe(other);
    expect(textOf(sharedDoc(id))).not.toContain('Not yours');
  });

  for (const [change, reason] of [
    ['a logout', 'no-session'],
    ['a deactivation', 'no-session'],
    ['a lower role', 'unknown-document'],
  ] as const)
    it(`ends an open connection's edits after ${change}`, async () => {
      const user = await testDb.db.user.create({
        data: {
          email: `${reason}-${Math.random()}@newsroom.test`,
          name: 'Sub',
          role: 'editor',
          passwordHash: 'unused',
        },
      });
      tokens.sub = (await createSession(testDb.db, user.id)).token;
      const id = await newDraft('writer', 'Original.');
      // The author stays, so the document stays loaded on the server.
      await connect(id, 'writer').authenticated;
      const sub = connect(id, 'sub');
      expect(await sub.authenticated).toBe('read-write');
      await waitForDoc(sub.doc, (doc) => textOf(doc).includes('Original.'));
      typeInFirstParagraph(sub.doc, 'Before: ');
      await probe(sub);
      expect(textOf(sharedDoc(id))).toContain('Before: Original.');

      if (change === 'a logout') await deleteSession(testDb.db, tokens.sub);
      // Only the flag, the session row left in place: findSessionUser itself must refuse it.
      else if (change === 'a deactivation')
        await testDb.db.user.update({
          where: { id: user.id },
          data: { deactivatedAt: new Date() },
        });
      else await testDb.db.user.update({ where: { id: user.id }, data: { role: 'writer' } });
      const closed = new Promise<string>((resolve) =>
        sub.provider.on('close', ({ event }: { event: { reason: string } }) =>
          resolve(event.reason),
        ),
      );
      typeInFirstParagraph(sub.doc, 'After: ');
      // The edit closed the connection, with the reason, instead of being applied.
      expect(await closed).toBe(reason);
      sub.provider.destroy();
      expect(textOf(sharedDoc(id))).not.toContain('After: ');
    });

  it('shows each caret with the name and colour of its session, whatever the browser announced', async () => {
    const id = await newDraft('writer', 'Names.');
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    await Promise.all([writer.authenticated, editor.authenticated]);
    writer.provider.setAwarenessField('user', { name: 'editor', color: 'red; background: url(x)' });
    const writerClientId = writer.doc.clientID;
    const seen = () => editor.provider.awareness?.getStates().get(writerClientId)?.user;
    await new Promise<void>((resolve) => {
      const check = () => seen() && resolve();
      editor.provider.awareness?.on('change', check);
      check();
    });
    expect(seen()).toEqual(collabUserOf({ id: users.writer!.id, name: 'writer' }));
  });

  it('passes on an oversized awareness state with only its name, not its 100,000 characters', async () => {
    const id = await newDraft('writer', 'Big caret.');
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    await Promise.all([writer.authenticated, editor.authenticated]);
    writer.provider.setAwarenessField('cursor', { junk: 'x'.repeat(100_000) });
    const writerClientId = writer.doc.clientID;
    const seen = () => editor.provider.awareness?.getStates().get(writerClientId);
    await new Promise<void>((resolve) => {
      const check = () => seen()?.user && resolve();
      editor.provider.awareness?.on('change', check);
      check();
    });
    expect(seen()).toEqual({ user: collabUserOf({ id: users.writer!.id, name: 'writer' }) });
  });

  it('closes a connection that sends a message over the limit, and keeps none of it', async () => {
    const id = await newDraft('writer', 'Small.');
    const writer = connect(id, 'writer');
    await writer.authenticated;
    // Authenticated is not synced: type only once the paragraph has arrived.
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Small.'));
    const closed = new Promise<number>((resolve) =>
      writer.provider.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)),
    );
    typeInFirstParagraph(writer.doc, 'x'.repeat(COLLAB_MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009); // "message too big"
    writer.provider.destroy(); // it would send the same update again on reconnecting
    const editor = connect(id, 'editor');
    await editor.authenticated;
    await probe(editor);
    expect(textOf(editor.doc)).toContain('Small.');
    expect(textOf(sharedDoc(id)).length).toBeLessThan(10_000);
  });

  it('names a caret announced without a name after its session', async () => {
    const id = await newDraft('writer', 'Unnamed.');
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    await Promise.all([writer.authenticated, editor.authenticated]);
    writer.provider.setAwarenessField('cursor', { anchor: null, head: null });
    const writerClientId = writer.doc.clientID;
    const seen = () => editor.provider.awareness?.getStates().get(writerClientId);
    await new Promise<void>((resolve) => {
      const check = () => seen()?.cursor && resolve();
      editor.provider.awareness?.on('change', check);
      check();
    });
    expect(seen()?.user).toEqual(collabUserOf({ id: users.writer!.id, name: 'writer' }));
  });

  it('closes a connection that only listens once its session has ended', async () => {
    const user = await testDb.db.user.create({
      data: {
        email: `listener-${Math.random()}@newsroom.test`,
        name: 'Listener',
        role: 'editor',
        passwordHash: 'unused',
      },
    });
    tokens.listener = (await createSession(testDb.db, user.id)).token;
    const id = await newDraft('writer', 'Watched.');
    const listener = connect(id, 'listener', ORIGIN, true);
    expect(await listener.authenticated).toBe('read-write');
    await waitForDoc(listener.doc, (doc) => textOf(doc).includes('Watched.'));
    const closed = new Promise<string>((resolve) =>
      listener.provider.on('close', ({ event }: { event: { reason: string } }) =>
        resolve(event.reason),
      ),
    );
    // Everything the listener sent while connecting has been handled; from here on it sends
    // nothing, and the server finds the ended session by itself.
    await probe(listener);
    await deleteSession(testDb.db, tokens.listener);
    expect(await closed).toBe('no-session');
    listener.provider.destroy();
  });

  it('replaces the shared document for everyone when a revision is restored', async () => {
    const id = await newDraft('writer', 'Version one.');
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    await Promise.all([writer.authenticated, editor.authenticated]);
    // Both synced: the writer types into its copy of the first paragraph.
    for (const client of [writer, editor]) {
      await waitForDoc(client.doc, (doc) => textOf(doc).includes('Version one.'));
    }
    // The first write leaves an autosave revision of what it wrote; the second does not.
    const firstSave = writer.nextMessage((message) => message.type === 'saved');
    typeInFirstParagraph(writer.doc, 'Kept. ');
    await firstSave;
    const secondSave = writer.nextMessage((message) => message.type === 'saved');
    typeInFirstParagraph(writer.doc, 'Changed. ');
    const { version } = (await secondSave) as { version: number };
    const [revision, ...older] = await listRevisions(testDb.db, id);
    expect(older).toEqual([]);
    if (!revision) throw new Error('expected the autosave revision of the first write');

    const restored = await restoreRevision(testDb.db, users.editor as never, id, revision.id, {
      baseVersion: version,
    });
    expect(restored.status).toBe('saved');
    const reloaded = editor.nextMessage((message) => message.type === 'saved');
    editor.provider.sendStateless(JSON.stringify({ type: 'reload' }));
    await reloaded;
    await waitForDoc(writer.doc, (doc) => !textOf(doc).includes('Changed.'));
    expect(textOf(writer.doc)).toContain('Kept. Version one.');
  });

  it('takes a refused link out of a working copy changed outside (an old revision restored)', async () => {
    const id = await newDraft('writer', 'Before.');
    const writer = connect(id, 'writer');
    await writer.authenticated;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Before.'));
    // As a restore writes an old revision: straight into the working copy, unvalidated.
    const old = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Restored ',
              marks: [{ type: 'link', attrs: { href: 'javascript:x' } }],
            },
            { type: 'text', text: 'text.' },
          ],
        },
      ],
    };
    await testDb.db.article.update({
      where: { id },
      data: { body: JSON.stringify(old), version: { increment: 1 } },
    });
    const reloaded = writer.nextMessage((message) => message.type === 'saved');
    writer.provider.sendStateless(JSON.stringify({ type: 'reload' }));
    await reloaded;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('text.'));
    expect(yDocToArticle(writer.doc).body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Restored text.' }] }],
    });
  });

  it('takes a refused related link out of a working copy changed outside (an old revision restored)', async () => {
    const id = await newDraft('writer', 'Before.');
    const writer = connect(id, 'writer');
    await writer.authenticated;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Before.'));
    // As a restore writes an old revision: straight into the working copy, unvalidated.
    await testDb.db.$transaction([
      testDb.db.relatedLink.createMany({
        data: [
          { articleId: id, position: 0, url: 'https://example.com/kept', title: 'Kept' },
          { articleId: id, position: 1, url: 'http://exa\u034Fmple.com/', title: 'Invisible' },
        ],
      }),
      testDb.db.article.update({ where: { id }, data: { version: { increment: 1 } } }),
    ]);
    const reloaded = writer.nextMessage((message) => message.type === 'saved');
    writer.provider.sendStateless(JSON.stringify({ type: 'reload' }));
    await reloaded;
    await waitForDoc(writer.doc, (doc) => yDocToArticle(doc).related.length > 0);
    expect(yDocToArticle(writer.doc).related).toEqual([
      { url: 'https://example.com/kept', title: 'Kept' },
    ]);
  });

  it('keeps typing after a publication changed only the state of the working copy', async () => {
    const id = await newDraft('writer', 'Published text.');
    const editor = connect(id, 'editor');
    await editor.authenticated;
    await waitForDoc(editor.doc, (doc) => textOf(doc).includes('Published text.'));
    const stored = await findEditableArticle(testDb.db, id);
    const published = await publishArticle(testDb.db, users.editor as never, id, {
      baseVersion: stored!.version,
    });
    expect(published.status).toBe('saved');
    const saved = editor.nextMessage((message) => message.type === 'saved');
    typeInFirstParagraph(editor.doc, 'Typed after. ');
    await saved;
    expect(textOf(editor.doc)).toContain('Typed after. Published text.');
    const after = await findEditableArticle(testDb.db, id);
    expect(JSON.stringify(after?.body)).toContain('Typed after. Published text.');
    expect(after?.hasUnpublishedChanges).toBe(true);

    // "Update" makes live exactly the working copy the shared document wrote.
    const updated = await publishArticle(testDb.db, users.editor as never, id, {
      baseVersion: after!.version,
    });
    expect(updated.status).toBe('saved');
    const live = await testDb.db.articleLive.findUniqueOrThrow({ where: { articleId: id } });
    expect(live.body).toContain('Typed after. Published text.');
  });

  it('carries the lead image through the shared document into the working copy', async () => {
    const id = await newDraft('writer', 'With a picture.');
    const image = await testDb.db.image.create({
      data: {
        width: 1600,
        height: 900,
        alt: 'Flooded street',
        caption: 'Main Street at noon',
        credit: 'Staff',
        format: 'jpeg',
        bytes: 1000,
        uploadedById: users.writer!.id,
      },
    });
    const writer = connect(id, 'writer');
    await writer.authenticated;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('With a picture.'));
    const saved = writer.nextMessage((message) => message.type === 'saved');
    metaMap(writer.doc).set(
      LEAD_IMAGE_FIELD,
      leadImageEntry({
        id: image.id,
        width: 1600,
        height: 900,
        alt: 'Flooded street',
        caption: '',
        credit: '',
      }),
    );
    await saved;
    expect((await findEditableArticle(testDb.db, id))?.leadImage?.id).toBe(image.id);
  });

  it('lets a deleted draft go: open pages are closed, and no later store brings it back', async () => {
    const id = await newDraft('writer', 'Test paste.');
    const writer = connect(id, 'writer');
    expect(await writer.authenticated).toBe('read-write');
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Test paste.'));
    const closed = new Promise<string>((resolve) =>
      writer.provider.on('close', ({ event }: { event: { reason: string } }) =>
        resolve(event.reason),
      ),
    );
    // A second server process's view of the same document, loaded before the deletion.
    const persistence = createPersistence(testDb.db);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await persistence.load(id))!);
    const { version } = (await findEditableArticle(testDb.db, id))!;

    await deleteDraft(testDb.db, users.writer as never, id, { baseVersion: version });
    expect(await closed).toBe('unknown-document');
    writer.provider.destroy();

    typeInFirstParagraph(doc, 'Late edit. ');
    const context = { user: users.writer as never, articleId: id };
    await expect(persistence.store(id, doc, context, undefined)).resolves.toBeNull();
    await expect(persistence.store(id, doc, undefined, WORKING_COPY_ORIGIN)).resolves.toBeNull();
    expect(await testDb.db.article.count({ where: { id } })).toBe(0);
    expect(await testDb.db.collabDocument.count({ where: { articleId: id } })).toBe(0);
    await expect(persistence.load(id)).resolves.toBeNull();
  });

  it("drops a deleted draft from other documents' related lists at their next store, for everyone", async () => {
    const doomed = await newDraft('writer', 'Test paste.');
    const id = await newDraft('writer', 'Listing it.');
    await testDb.db.relatedLink.createMany({
      data: [
        { articleId: id, position: 0, targetArticleId: doomed },
        { articleId: id, position: 1, url: 'https://example.com/', title: 'Elsewhere' },
      ],
    });
    const relatedOf = (doc: Y.Doc) => yDocToArticle(doc).related;
    const writer = connect(id, 'writer');
    const editor = connect(id, 'editor');
    await Promise.all([writer.authenticated, editor.authenticated]);
    await waitForDoc(editor.doc, (doc) => relatedOf(doc).length === 2);
    const { version } = (await findEditableArticle(testDb.db, doomed))!;
    await deleteDraft(testDb.db, users.writer as never, doomed, { baseVersion: version });

    const answer = writer.nextMessage(
      (message) => message.type === 'saved' || message.type === 'invalid',
    );
    typeInFirstParagraph(writer.doc, 'Still typing. ');
    expect(await answer).toMatchObject({ type: 'saved' });
    const external = { url: 'https://example.com/', title: 'Elsewhere' };
    expect((await findEditableArticle(testDb.db, id))?.related).toEqual([external]);
    // The stored bytes say the same as the working copy: the entry is gone from the document too.
    const row = await testDb.db.collabDocument.findUniqueOrThrow({ where: { articleId: id } });
    expect(relatedOf(decode(row.state))).toEqual([external]);
    await waitForDoc(editor.doc, (doc) => relatedOf(doc).length === 1);
    expect(relatedOf(editor.doc)).toEqual([external]);
    expect(textOf(editor.doc)).toContain('Still typing. Listing it.');
  });

  it('keeps every document across a restart of the server', async () => {
    const id = await newDraft('writer', 'Before restart.');
    const writer = connect(id, 'writer');
    await writer.authenticated;
    await waitForDoc(writer.doc, (doc) => textOf(doc).includes('Before restart.'));
    const saved = writer.nextMessage((message) => message.type === 'saved');
    typeInFirstParagraph(writer.doc, 'Kept. ');
    await saved;
    writer.provider.destroy();
    await server.destroy();
    await startServer();
    const again = connect(id, 'editor');
    await again.authenticated;
    await waitForDoc(again.doc, (doc) => textOf(doc).includes('Kept. Before restart.'));
    expect(textOf(again.doc).match(/Before restart\./g)).toHaveLength(1);
  });
});

function decode(bytes: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}
