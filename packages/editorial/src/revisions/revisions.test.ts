import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../articles/create-article';
import { findEditableArticle, type EditableArticle } from '../articles/editable-article';
import { publishArticle, restoreRevision } from '../articles/publish';
import { saveArticle } from '../articles/save-article';
import { createTestNewsroom, paragraphDoc, type TestNewsroom } from '../test-newsroom';
import { getRevision, listRevisions } from './revisions';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

const MINUTE = 60_000;
const start = new Date('2026-03-01T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

function save(article: EditableArticle, text: string, minutes: number, actor = n.writer) {
  return saveArticle(
    n.db,
    actor,
    article.id,
    {
      baseVersion: article.version,
      title: article.title,
      slug: article.slug,
      sectionId: article.sectionId,
      markerStyle: article.markerStyle,
      body: paragraphDoc(text),
    },
    { now: at(minutes), revisionIntervalMs: 10 * MINUTE },
  ).then((result) => {
    if (result.status !== 'saved') throw new Error(`save failed: ${result.status}`);
    return result.article;
  });
}

describe('revisions', () => {
  it('records autosaves at most every interval, and every publish and restore', async () => {
    let article = await createArticle(n.db, n.writer, { title: 'History', sectionId: n.world.id });
    article = await save(article, 'one', 0); // first save: a revision
    article = await save(article, 'two', 3); // too soon
    article = await save(article, 'three', 9); // still too soon
    article = await save(article, 'four', 10); // interval passed
    let revisions = await listRevisions(n.db, article.id);
    expect(revisions.map((revision) => [revision.reason, revision.version])).toEqual([
      ['autosave', 5],
      ['autosave', 2],
    ]);
    expect(revisions[0]?.author).toEqual({ id: n.writer.id, name: 'writer' });

    const published = await publishArticle(
      n.db,
      n.editor,
      article.id,
      { baseVersion: article.version },
      at(11),
    );
    expect(published.status).toBe('saved');
    revisions = await listRevisions(n.db, article.id);
    expect(revisions[0]).toMatchObject({
      reason: 'publish',
      version: 6,
      author: { name: 'editor' },
    });

    const first = revisions.at(-1)!;
    const shown = await getRevision(n.db, article.id, first.id);
    expect(shown).toMatchObject({ body: paragraphDoc('one'), title: 'History', related: [] });
  });

  it('restores a revision as a new version and records the restore', async () => {
    let article = await createArticle(n.db, n.editor, {
      title: 'Restore me',
      sectionId: n.world.id,
    });
    article = await save(article, 'original text', 0, n.editor);
    article = await save(article, 'rewritten text', 20, n.editor);
    const [, original] = await listRevisions(n.db, article.id);
    const result = await restoreRevision(
      n.db,
      n.editor,
      article.id,
      original!.id,
      {
        baseVersion: article.version,
      },
      at(21),
    );
    expect(result).toMatchObject({
      status: 'saved',
      article: { version: article.version + 1, body: paragraphDoc('original text') },
    });
    const revisions = await listRevisions(n.db, article.id);
    expect(revisions[0]).toMatchObject({ reason: 'restore', version: article.version + 1 });
    expect((await getRevision(n.db, article.id, revisions[0]!.id)).body).toEqual(
      paragraphDoc('original text'),
    );

    const stale = await restoreRevision(n.db, n.editor, article.id, original!.id, {
      baseVersion: article.version,
    });
    expect(stale.status).toBe('conflict');
    // Another writer's draft does not exist for a writer.
    await expect(
      restoreRevision(n.db, n.otherWriter, article.id, original!.id, {
        baseVersion: article.version + 1,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(getRevision(n.db, 'other-article', original!.id)).rejects.toMatchObject({
      status: 404,
    });
    expect((await findEditableArticle(n.db, article.id))?.version).toBe(article.version + 1);
  });

  it('keeps the working copy a restore replaces, also when no revision holds it yet', async () => {
    let article = await createArticle(n.db, n.editor, {
      title: 'Keep my rewrite',
      sectionId: n.world.id,
    });
    article = await save(article, 'first draft', 0, n.editor);
    // Within the autosave interval: this text is in no revision.
    article = await save(article, 'two hours of rewriting', 5, n.editor);
    const [first] = await listRevisions(n.db, article.id);
    expect(first).toMatchObject({ reason: 'autosave', version: article.version - 1 });

    const stale = await restoreRevision(n.db, n.editor, article.id, first!.id, {
      baseVersion: article.version - 1,
    });
    expect(stale.status).toBe('conflict');
    expect(await listRevisions(n.db, article.id)).toHaveLength(1); // nothing kept for a refusal

    await restoreRevision(n.db, n.editor, article.id, first!.id, {
      baseVersion: article.version,
    });
    const [restored, replaced] = await listRevisions(n.db, article.id);
    expect(restored).toMatchObject({ reason: 'restore', version: article.version + 1 });
    expect(replaced).toMatchObject({ reason: 'replaced', version: article.version });
    expect((await getRevision(n.db, article.id, replaced!.id)).body).toEqual(
      paragraphDoc('two hours of rewriting'),
    );
  });
});
