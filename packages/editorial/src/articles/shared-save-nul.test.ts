// The co-editing server saves what the shared document holds, which any connected page writes:
// an id holding NUL there must be refused like any bad field (the bytes are then kept), not
// reach PostgreSQL, which failed the query, and with it every later store of the document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNewsroom, paragraphDoc, type TestNewsroom } from '../test-newsroom';
import { createArticle } from './create-article';
import { editableFieldsOf } from './editable-fields';
import { saveSharedArticle } from './save-shared-article';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

describe('a shared document naming an id with NUL', () => {
  it('is refused as invalid, for the section and a related article', async () => {
    const article = await createArticle(n.db, n.editor, { title: 'Shared', sectionId: n.world.id });
    const fields = { ...editableFieldsOf(article), body: paragraphDoc('Text') };
    const shared = { ...fields, publishedAt: null, leadImageId: null };
    for (const change of [{ sectionId: 'a\u0000' }, { related: [{ articleId: 'b\u0000' }] }]) {
      const result = await saveSharedArticle(
        n.db,
        n.editor,
        article.id,
        { ...shared, ...change },
        article.version,
      );
      expect(result.status).toBe('invalid');
    }
  });
});
