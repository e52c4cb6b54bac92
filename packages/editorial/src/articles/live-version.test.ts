import {
  findCurrentArticlePath,
  findPublishedArticle,
  onLiveChange,
  type LiveChange,
} from '@newsroom/publishing';
import { readerSiteUrl } from '@newsroom/http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listRevisions } from '../revisions/revisions';
import { findFreeSlug } from '../slug';
import { createTestNewsroom, paragraphDoc, saveInputOf, type TestNewsroom } from '../test-newsroom';
import { createArticle } from './create-article';
import { findEditableArticle, type EditableArticle } from './editable-article';
import { listArticles } from './list-articles';
import { scheduleArticle } from '../scheduling/schedule';
import { discardChanges, publishArticle, unpublishArticle } from './publish';
import { saveArticle } from './save-article';

let n: TestNewsroom;
const heard: LiveChange[] = [];
let stopListening: () => void;
beforeAll(async () => {
  n = await createTestNewsroom();
  stopListening = onLiveChange((change) => void heard.push(change));
});
afterAll(async () => {
  stopListening();
  await n.cleanup();
});
afterEach(() => void heard.splice(0));

async function save(article: EditableArticle, changes: Record<string, unknown>) {
  const result = await saveArticle(n.db, n.editor, article.id, saveInputOf(article, changes));
  if (result.status !== 'saved') throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.article;
}

async function liveArticle(title: string) {
  const created = await createArticle(n.db, n.editor, { title, sectionId: n.world.id });
  const written = await save(created, { body: paragraphDoc('As first published.') });
  const published = await publishArticle(n.db, n.editor, written.id, {
    baseVersion: written.version,
  });
  if (published.status !== 'saved') throw new Error('publish failed');
  heard.splice(0);
  return published.article;
}

const readerTitle = async (article: EditableArticle, slug = article.slug) =>
  (await findPublishedArticle(n.db, 'world', slug))?.title ?? null;

describe('the live version and the working copy', () => {
  it('a save that reads as the live version (an edit undone, the dateline written back) leaves nothing unpublished', async () => {
    const live = await liveArticle('Undone edit');
    const edited = await save(live, { body: paragraphDoc('A typo') });
    expect(edited.hasUnpublishedChanges).toBe(true);
    const undone = await save(edited, { body: paragraphDoc('As first published.') });
    expect(undone).toMatchObject({ hasUnpublishedChanges: false, version: edited.version + 1 });
    // The dateline the publication set, written back unchanged (what the shared document does).
    const rewritten = await save(undone, { publishedAt: live.publishedAt });
    expect(rewritten.hasUnpublishedChanges).toBe(false);
    const other = await save(rewritten, { title: 'Undone edit, again' });
    expect(other.hasUnpublishedChanges).toBe(true);
  });

  it('autosave changes only the working copy; Update publishes it and leaves a revision', async () => {
    const live = await liveArticle('Calm morning');
    expect(live).toMatchObject({ status: 'published', hasUnpublishedChanges: false });
    expect(live.live).toMatchObject({ path: '/world/calm-morning' });

    const edited = await save(live, {
      title: 'Calm morning, stormy after',
      body: paragraphDoc('Half a sent'),
    });
    expect(edited.hasUnpublishedChanges).toBe(true);
    expect(await readerTitle(live)).toBe('Calm morning');
    const listed = await listArticles(n.db, n.editor, { q: 'Calm morning' });
    expect(listed.items[0]).toMatchObject({ status: 'published', hasUnpublishedChanges: true });

    heard.splice(0);
    const updated = await publishArticle(n.db, n.editor, live.id, { baseVersion: edited.version });
    expect(updated).toMatchObject({ status: 'saved', article: { hasUnpublishedChanges: false } });
    expect(await readerTitle(live)).toBe('Calm morning, stormy after');
    const reader = await findPublishedArticle(n.db, 'world', live.slug);
    expect(reader?.body).toBe(JSON.stringify(paragraphDoc('Half a sent')));
    expect((await listRevisions(n.db, live.id)).map((revision) => revision.reason)).toContain(
      'publish',
    );
    expect(heard).toEqual([
      {
        articleId: live.id,
        reason: 'update',
        before: { path: '/world/calm-morning', sectionSlug: 'world' },
        after: { path: '/world/calm-morning', sectionSlug: 'world' },
        // An edit of the text: the lists keep their order.
        listsMoved: false,
      },
    ]);
  });

  it('Discard changes puts the live version back in the working copy and keeps the discarded text', async () => {
    const live = await liveArticle('Quiet night');
    const edited = await save(live, { title: 'Loud night', body: paragraphDoc('Throw me away') });

    const discarded = await discardChanges(n.db, n.editor, live.id, {
      baseVersion: edited.version,
    });
    expect(discarded).toMatchObject({
      status: 'saved',
      article: {
        title: 'Quiet night',
        hasUnpublishedChanges: false,
        body: paragraphDoc('As first published.'),
      },
    });
    const revisions = await listRevisions(n.db, live.id);
    expect(revisions[0]?.reason).toBe('discard');
    expect(heard).toEqual([]);
  });

  it('refuses a stale Update, writers, and Discard on an article that is not live, changing nothing', async () => {
    const live = await liveArticle('Contested update');
    const edited = await save(live, { title: 'Newer working copy' });

    const stale = await publishArticle(n.db, n.editor, live.id, { baseVersion: live.version });
    expect(stale).toMatchObject({ status: 'conflict', current: { version: edited.version } });
    await expect(
      publishArticle(n.db, n.writer, live.id, { baseVersion: edited.version }),
    ).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(await readerTitle(live)).toBe('Contested update');

    const draft = await createArticle(n.db, n.editor, {
      title: 'Never live',
      sectionId: n.world.id,
    });
    await expect(
      discardChanges(n.db, n.editor, draft.id, { baseVersion: 1 }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'not_live',
    });
    expect(heard).toEqual([]);
  });

  it('refuses to publish an empty body, with a message, leaving it a draft', async () => {
    const empty = await createArticle(n.db, n.editor, {
      title: 'Nothing yet',
      sectionId: n.world.id,
    });
    await expect(
      publishArticle(n.db, n.editor, empty.id, { baseVersion: 1 }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'not_ready',
      message: expect.stringContaining('body is empty'),
    });
    expect(await findEditableArticle(n.db, empty.id)).toMatchObject({
      status: 'draft',
      live: null,
    });
  });

  it('Unpublish takes the live version down and says so', async () => {
    const live = await liveArticle('Short lived');
    const down = await unpublishArticle(n.db, n.editor, live.id, { baseVersion: live.version });
    expect(down).toMatchObject({ status: 'saved', article: { status: 'draft', live: null } });
    expect(await readerTitle(live)).toBeNull();
    expect(heard).toMatchObject([{ articleId: live.id, reason: 'unpublish', after: null }]);
  });

  it('refuses Unpublish on an article that is not live (a draft, a scheduled one), writing nothing', async () => {
    const draft = await createArticle(n.db, n.editor, {
      title: 'Never published',
      sectionId: n.world.id,
    });
    await expect(
      unpublishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version }),
    ).rejects.toMatchObject({ status: 409, code: 'not_live' });
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'draft',
      version: draft.version,
    });

    const written = await save(draft, { body: paragraphDoc('Due tomorrow.') });
    const publishAt = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const scheduled = await scheduleArticle(n.db, n.editor, written.id, {
      baseVersion: written.version,
      publishAt,
    });
    if (scheduled.status !== 'saved') throw new Error('schedule failed');
    await expect(
      unpublishArticle(n.db, n.editor, written.id, { baseVersion: scheduled.article.version }),
    ).rejects.toMatchObject({ status: 409, code: 'not_live' });
    expect(await findEditableArticle(n.db, written.id)).toMatchObject({
      status: 'scheduled',
      version: scheduled.article.version,
      scheduledAt: publishAt,
    });
    expect(heard).toEqual([]);
  });
});

describe('URL history', () => {
  it('a renamed or moved live article keeps every old slug, which no other article may take', async () => {
    const live = await liveArticle('Bridge opens');
    const renamed = await save(live, { slug: 'bridge-opens-at-last' });
    expect(await readerTitle(live, 'bridge-opens')).toBe('Bridge opens');
    const updated = await publishArticle(n.db, n.editor, live.id, { baseVersion: renamed.version });
    expect(updated.status).toBe('saved');
    const moved = await save((updated as { article: EditableArticle }).article, {
      sectionId: n.politics.id,
    });
    heard.splice(0);
    await publishArticle(n.db, n.editor, live.id, { baseVersion: moved.version });
    expect(heard[0]).toMatchObject({
      before: { path: '/world/bridge-opens-at-last', sectionSlug: 'world' },
      after: { path: '/politics/bridge-opens-at-last', sectionSlug: 'politics' },
      listsMoved: true,
    });

    for (const slug of ['bridge-opens', 'bridge-opens-at-last'])
      expect(await findCurrentArticlePath(n.db, slug)).toBe('/politics/bridge-opens-at-last');

    const other = await createArticle(n.db, n.editor, {
      title: 'Bridge opens',
      sectionId: n.world.id,
    });
    expect(other.slug).toBe('bridge-opens-2');
    expect(await findFreeSlug(n.db, 'bridge-opens')).toBe('bridge-opens-3');
    const taken = await saveArticle(
      n.db,
      n.editor,
      other.id,
      saveInputOf(other, { slug: 'bridge-opens' }),
    );
    expect(taken).toMatchObject({ status: 'invalid', code: 'slug_taken' });
    expect((await findEditableArticle(n.db, other.id))?.slug).toBe('bridge-opens-2');

    // The article itself may go back to an old slug of its own.
    const current = (await findEditableArticle(n.db, live.id))!;
    const back = await save(current, { slug: 'bridge-opens' });
    expect(back.slug).toBe('bridge-opens');
  });
});

describe("an article's short link", () => {
  it('keeps the address the article now has in its row, for search and lists', async () => {
    const live = await liveArticle('Tunnel opens');
    const link = await n.db.shortLink.create({
      data: {
        code: `tunnel${Date.now()}`,
        codeKey: `tunnel${Date.now()}`,
        url: 'http://localhost:3000/world/tunnel-opens',
        articleId: live.id,
      },
    });
    const renamed = await save(live, { slug: 'tunnel-opens-today' });
    expect((await n.db.shortLink.findUniqueOrThrow({ where: { id: link.id } })).url).toMatch(
      /\/world\/tunnel-opens$/,
    ); // the working copy alone changes no address readers see
    await publishArticle(n.db, n.editor, live.id, { baseVersion: renamed.version });
    const { url } = await n.db.shortLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(url).toBe(`${readerSiteUrl()}/world/tunnel-opens-today`);
  });
});
