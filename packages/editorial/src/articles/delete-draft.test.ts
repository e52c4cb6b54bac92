import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNewsroom, paragraphDoc, saveInputOf, type TestNewsroom } from '../test-newsroom';
import { listRevisions } from '../revisions/revisions';
import { scheduleArticle } from '../scheduling/schedule';
import { createArticle } from './create-article';
import { deleteDraft, SCHEDULED_MESSAGE, WAS_PUBLISHED_MESSAGE } from './delete-draft';
import type { EditableArticle } from './editable-article';
import { discardChanges, publishArticle, restoreRevision, unpublishArticle } from './publish';
import { parseSave, saveArticle, writeParsedSave } from './save-article';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

type Staff = TestNewsroom['editor'];

/** A draft with a body, related links and an autosave revision, as a real one would have. */
async function writtenDraft(actor: Staff, title: string, related: unknown[] = []) {
  const article = await createArticle(n.db, actor, { title, sectionId: n.world.id });
  const saved = await saveArticle(
    n.db,
    actor,
    article.id,
    saveInputOf(article, { body: paragraphDoc(`The story of ${title}.`), related }),
  );
  if (saved.status !== 'saved') throw new Error(`could not write ${title}`);
  return saved.article;
}

const stored = (id: string) => n.db.article.findUnique({ where: { id } });

async function published(title: string): Promise<EditableArticle> {
  const draft = await writtenDraft(n.editor, title);
  const result = await publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version });
  if (result.status !== 'saved') throw new Error('could not publish');
  return result.article;
}

describe('deleting a draft', () => {
  it('lets a writer delete their own draft, with its revisions, related list, collab document and short link', async () => {
    const target = await writtenDraft(n.writer, 'A linked story');
    const draft = await writtenDraft(n.writer, 'A test paste', [
      { articleId: target.id },
      { url: 'https://example.com/', title: 'Elsewhere' },
    ]);
    const image = await n.db.image.create({
      data: {
        format: 'jpeg',
        width: 10,
        height: 10,
        bytes: 1,
        alt: 'x',
        uploadedById: n.writer.id,
      },
    });
    await n.db.article.update({ where: { id: draft.id }, data: { leadImageId: image.id } });
    await n.db.collabDocument.create({
      data: { articleId: draft.id, state: new Uint8Array([0]), articleVersion: draft.version },
    });
    await n.db.shortLink.create({
      data: {
        code: 'Paste1',
        codeKey: 'paste1',
        url: 'https://example.com/x',
        articleId: draft.id,
      },
    });
    expect(await n.db.articleRevision.count({ where: { articleId: draft.id } })).toBeGreaterThan(0);

    await expect(
      deleteDraft(n.db, n.writer, draft.id, { baseVersion: draft.version }),
    ).resolves.toEqual({ status: 'deleted', id: draft.id, shortLinkCode: 'Paste1' });

    expect(await stored(draft.id)).toBeNull();
    expect(await n.db.articleRevision.count({ where: { articleId: draft.id } })).toBe(0);
    expect(await n.db.relatedLink.count({ where: { articleId: draft.id } })).toBe(0);
    expect(await n.db.collabDocument.count({ where: { articleId: draft.id } })).toBe(0);
    expect(await n.db.shortLink.count({ where: { code: 'Paste1' } })).toBe(0);
    // The short URL may be printed somewhere: its code must not lead elsewhere soon.
    expect(await n.db.deletedCode.findUnique({ where: { codeKey: 'paste1' } })).toMatchObject({
      code: 'Paste1',
    });
    // What it pointed at, and its pictures, stay.
    expect(await stored(target.id)).not.toBeNull();
    expect(await n.db.image.findUnique({ where: { id: image.id } })).not.toBeNull();
  });

  it('lets editors and admins delete anyone’s draft', async () => {
    for (const actor of [n.editor, n.admin]) {
      const draft = await writtenDraft(n.writer, `Abandoned for ${actor.name}`);
      await deleteDraft(n.db, actor, draft.id, { baseVersion: draft.version });
      expect(await stored(draft.id)).toBeNull();
    }
  });

  it('answers another writer as if the draft did not exist', async () => {
    const draft = await writtenDraft(n.writer, 'Mine alone');
    await expect(
      deleteDraft(n.db, n.otherWriter, draft.id, { baseVersion: draft.version }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'The article was not found',
    });
    await expect(
      deleteDraft(n.db, n.otherWriter, 'no-such-id', { baseVersion: 1 }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'The article was not found',
    });
    expect(await stored(draft.id)).not.toBeNull();
  });

  it('refuses a stale version with the stored article, deleting nothing', async () => {
    const draft = await writtenDraft(n.writer, 'Edited elsewhere');
    const result = await deleteDraft(n.db, n.writer, draft.id, { baseVersion: draft.version - 1 });
    expect(result).toMatchObject({
      status: 'conflict',
      current: { id: draft.id, version: draft.version },
    });
    expect(await stored(draft.id)).not.toBeNull();
  });

  it('refuses a live article: its links must keep working', async () => {
    const live = await published('Live story');
    await expect(
      deleteDraft(n.db, n.editor, live.id, { baseVersion: live.version }),
    ).rejects.toMatchObject({ status: 409, code: 'was_published', message: WAS_PUBLISHED_MESSAGE });
    // A writer can see it but never change it.
    await expect(
      deleteDraft(n.db, n.writer, live.id, { baseVersion: live.version }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await stored(live.id)).not.toBeNull();
  });

  it('refuses an unpublished article: it has a URL history', async () => {
    const live = await published('Once live');
    const back = await unpublishArticle(n.db, n.editor, live.id, { baseVersion: live.version });
    if (back.status !== 'saved') throw new Error('could not unpublish');
    expect(back.article.status).toBe('draft');
    await expect(
      deleteDraft(n.db, n.editor, live.id, { baseVersion: back.article.version }),
    ).rejects.toMatchObject({ status: 409, code: 'was_published' });
    expect(await n.db.articlePath.count({ where: { articleId: live.id } })).toBe(1);
  });

  it('refuses a scheduled article: unschedule it first', async () => {
    const draft = await writtenDraft(n.editor, 'Due tomorrow');
    const scheduled = await scheduleArticle(n.db, n.editor, draft.id, {
      baseVersion: draft.version,
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (scheduled.status !== 'saved') throw new Error('could not schedule');
    await expect(
      deleteDraft(n.db, n.editor, draft.id, { baseVersion: scheduled.article.version }),
    ).rejects.toMatchObject({ status: 409, code: 'scheduled', message: SCHEDULED_MESSAGE });
    expect(await stored(draft.id)).not.toBeNull();
  });
});

/**
 * `n.db`, with `doomed` deleted just before the first transaction begins: after an action has
 * looked at its related list, before it writes.
 */
function racingDeletion(doomed: EditableArticle): typeof n.db {
  let deleted = false;
  return new Proxy(n.db, {
    get(db, property, receiver) {
      if (property !== '$transaction' || deleted) return Reflect.get(db, property, receiver);
      return async (...args: Parameters<typeof db.$transaction>) => {
        deleted = true;
        await deleteDraft(n.db, n.editor, doomed.id, { baseVersion: doomed.version });
        return db.$transaction(...args);
      };
    },
  });
}

describe('a restore racing the deletion of its own draft', () => {
  it('answers 404 as for any deleted article, writing nothing', async () => {
    const draft = await writtenDraft(n.editor, 'Restored while deleted');
    const [revision] = await listRevisions(n.db, draft.id);
    if (!revision) throw new Error('the save should have left a revision');
    // The draft goes after the restore found it and its revision, before the restore writes.
    const restoring = restoreRevision(racingDeletion(draft), n.editor, draft.id, revision.id, {
      baseVersion: draft.version,
    });
    await expect(restoring).rejects.toMatchObject({
      status: 404,
      message: 'The article was not found',
    });
    expect(await stored(draft.id)).toBeNull();
    expect(await n.db.articleRevision.count({ where: { articleId: draft.id } })).toBe(0);
  });
});

describe("another article's related list naming a deleted draft", () => {
  const NO_SUCH_ARTICLE = { path: 'related[0].articleId', message: 'no article has this id' };

  it('is saved without it (a page open on it still sends it), without bumping its version at deletion', async () => {
    const doomed = await writtenDraft(n.editor, 'Doomed draft');
    const kept = await writtenDraft(n.editor, 'Kept story');
    const page = await writtenDraft(n.editor, 'Listing both', [
      { articleId: doomed.id },
      { url: 'https://example.com/', title: 'Elsewhere' },
      { articleId: kept.id },
    ]);
    const deleted = await deleteDraft(n.db, n.editor, doomed.id, { baseVersion: doomed.version });
    expect(deleted.status).toBe('deleted');
    // Its editors are not put into a conflict: the version stays.
    expect((await stored(page.id))?.version).toBe(page.version);

    // The page still shows the entry (as loaded) and saves it with a new headline.
    const result = await saveArticle(
      n.db,
      n.editor,
      page.id,
      saveInputOf(page, {
        title: 'Listing one',
        related: [
          { articleId: doomed.id },
          { url: 'https://example.com/', title: 'Elsewhere' },
          { articleId: kept.id },
        ],
      }),
    );
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.article.title).toBe('Listing one');
    expect(result.article.related).toEqual([
      { url: 'https://example.com/', title: 'Elsewhere' },
      { articleId: kept.id, title: 'Kept story', href: null },
    ]);
    expect(await n.db.relatedLink.count({ where: { articleId: page.id } })).toBe(2);
  });

  it('is saved without it when it went between the checks and the write', async () => {
    const doomed = await writtenDraft(n.editor, 'Deleted mid-save');
    const page = await writtenDraft(n.editor, 'Saving meanwhile');
    const input = saveInputOf(page, {
      title: 'Saved meanwhile',
      related: [{ articleId: doomed.id }, { url: 'https://example.com/', title: 'Elsewhere' }],
    });
    const checked = await parseSave(n.db, n.editor, page.id, input);
    if (!checked.ok) throw new Error('the save should pass its checks');
    await deleteDraft(n.db, n.editor, doomed.id, { baseVersion: doomed.version });

    const result = await writeParsedSave(n.db, n.editor, page.id, checked);
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.article.title).toBe('Saved meanwhile');
    expect(result.article.related).toEqual([{ url: 'https://example.com/', title: 'Elsewhere' }]);
    expect(result.article.version).toBe(page.version + 1);
  });

  it('is restored without it when it went between the restore’s checks and its write', async () => {
    const doomed = await writtenDraft(n.editor, 'Deleted mid-restore');
    const page = await writtenDraft(n.editor, 'Restoring meanwhile', [
      { articleId: doomed.id },
      { url: 'https://example.com/', title: 'Elsewhere' },
    ]);
    const [revision] = await listRevisions(n.db, page.id);
    if (!revision) throw new Error('the save should have left a revision');
    const result = await restoreRevision(racingDeletion(doomed), n.editor, page.id, revision.id, {
      baseVersion: page.version,
    });
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.article.related).toEqual([{ url: 'https://example.com/', title: 'Elsewhere' }]);
    expect(await stored(doomed.id)).toBeNull();
  });

  it('is discarded back to the live version without it when it went meanwhile', async () => {
    const doomed = await writtenDraft(n.editor, 'Deleted mid-discard');
    const draft = await writtenDraft(n.editor, 'Live with a draft listed', [
      { articleId: doomed.id },
      { url: 'https://example.com/', title: 'Elsewhere' },
    ]);
    const live = await publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version });
    if (live.status !== 'saved') throw new Error('could not publish');
    const edited = await saveArticle(
      n.db,
      n.editor,
      draft.id,
      saveInputOf(live.article, { title: 'Edited since' }),
    );
    if (edited.status !== 'saved') throw new Error('could not edit');

    const result = await discardChanges(racingDeletion(doomed), n.editor, draft.id, {
      baseVersion: edited.article.version,
    });
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.article.title).toBe('Live with a draft listed');
    expect(result.article.related).toEqual([{ url: 'https://example.com/', title: 'Elsewhere' }]);
    expect(await stored(doomed.id)).toBeNull();
  });

  it('still refuses an id no article ever had, and a deleted draft its writer never could see', async () => {
    const page = await writtenDraft(n.writer, 'A writer’s page');
    const unknown = await saveArticle(
      n.db,
      n.writer,
      page.id,
      saveInputOf(page, { related: [{ articleId: 'cnever0existed000000000000' }] }),
    );
    expect(unknown).toEqual({ status: 'invalid', errors: [NO_SUCH_ARTICLE] });

    // Someone else's draft was "no article has this id" to this writer, and stays so once deleted.
    const theirs = await writtenDraft(n.otherWriter, 'Their draft');
    const deleted = await deleteDraft(n.db, n.otherWriter, theirs.id, {
      baseVersion: theirs.version,
    });
    expect(deleted.status).toBe('deleted');
    const hidden = await saveArticle(
      n.db,
      n.writer,
      page.id,
      saveInputOf(page, { related: [{ articleId: theirs.id }] }),
    );
    expect(hidden).toEqual({ status: 'invalid', errors: [NO_SUCH_ARTICLE] });
    expect((await stored(page.id))?.version).toBe(page.version);
  });
});
