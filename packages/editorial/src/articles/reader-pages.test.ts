// Every committed change of what readers see (publish, Update, unpublish, a schedule firing)
// tells the reader pages what changed, through the one hook the cache listens on; autosaves of
// working copies do not. Checked here with a real database and the real announcer connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestNewsroom,
  listenToReaderPageChanges,
  paragraphDoc,
  saveInputOf,
  type TestNewsroom,
} from '../test-newsroom';
import { createArticle } from './create-article';
import type { EditableArticle } from './editable-article';
import { publishArticle, restoreRevision, unpublishArticle } from './publish';
import { saveArticle } from './save-article';
import { listRevisions } from '../revisions/revisions';

let n: TestNewsroom;
const announced = listenToReaderPageChanges();
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

function save(article: EditableArticle, changes: Record<string, unknown> = {}) {
  return saveArticle(n.db, n.editor, article.id, saveInputOf(article, changes));
}

function saved(result: Awaited<ReturnType<typeof save>>): EditableArticle {
  if (result.status !== 'saved') throw new Error(`expected a save, got ${result.status}`);
  return result.article;
}

async function publishedArticle(title: string) {
  const draft = await createArticle(n.db, n.editor, { title, sectionId: n.world.id });
  const written = saved(await save(draft, { body: paragraphDoc(`The story of ${title}.`) }));
  const published = saved(
    await publishArticle(n.db, n.editor, draft.id, { baseVersion: written.version }),
  );
  announced.splice(0);
  return published;
}

function update(article: EditableArticle) {
  return publishArticle(n.db, n.editor, article.id, { baseVersion: article.version });
}

describe('reader-page changes announced by the newsroom', () => {
  it('announce nothing for drafts: readers never saw them', async () => {
    const draft = await createArticle(n.db, n.editor, {
      title: 'Quiet draft',
      sectionId: n.world.id,
    });
    saved(await save(draft, { title: 'Still a draft', body: paragraphDoc('Not public') }));
    expect(announced).toEqual([]);
  });

  it('publishing changes its page and the lists it enters', async () => {
    const draft = await createArticle(n.db, n.editor, { title: 'News', sectionId: n.world.id });
    const written = saved(await save(draft, { body: paragraphDoc('Something happened.') }));
    saved(await update(written));
    expect(announced).toEqual([{ articleIds: [draft.id], lists: [null, 'world'] }]);
  });

  it('autosave of a live article announces nothing; Update changes its page (and pages listing or linking it), not the lists', async () => {
    const live = await publishedArticle('Live story');
    const edited = saved(await save(live, { title: 'Live story, corrected' }));
    expect(announced).toEqual([]);
    saved(await update(edited));
    expect(announced).toEqual([{ articleIds: [live.id], lists: [] }]);
  });

  it('an Update that moves it to another section or a new date changes the lists it leaves and enters', async () => {
    const live = await publishedArticle('Moving story');
    const moved = saved(await update(saved(await save(live, { sectionId: n.politics.id }))));
    expect(announced).toEqual([{ articleIds: [live.id], lists: [null, 'world', 'politics'] }]);
    announced.splice(0);
    saved(await update(saved(await save(moved, { publishedAt: '2026-01-02T03:04:05Z' }))));
    expect(announced).toEqual([{ articleIds: [live.id], lists: [null, 'politics'] }]);
  });

  it('restoring a revision changes the working copy only; unpublishing is announced', async () => {
    const live = await publishedArticle('Short-lived story');
    const edited = saved(await save(live, { title: 'Short-lived story, edited' }));
    const [revision] = await listRevisions(n.db, live.id);
    announced.splice(0);
    const restored = saved(
      await restoreRevision(n.db, n.editor, live.id, revision!.id, { baseVersion: edited.version }),
    );
    expect(announced).toEqual([]);
    saved(await unpublishArticle(n.db, n.editor, live.id, { baseVersion: restored.version }));
    expect(announced).toEqual([{ articleIds: [live.id], lists: [null, 'world'] }]);
  });

  it('a refused Update (stale version) announces nothing', async () => {
    const live = await publishedArticle('Contested story');
    saved(await save(live, { title: 'First edit' }));
    announced.splice(0);
    const conflict = await update(live);
    expect(conflict.status).toBe('conflict');
    expect(announced).toEqual([]);
  });
});
