import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNewsroom, type TestNewsroom } from '../test-newsroom';
import { createArticle } from './create-article';
import type { EditableArticle } from './editable-article';
import { saveArticle } from './save-article';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

const storedImage = () =>
  n.db.image.create({
    data: {
      format: 'jpeg',
      width: 1600,
      height: 900,
      bytes: 1000,
      alt: 'The valley road under water',
      caption: 'Monday',
      credit: 'J. Doe / Agency',
      uploadedById: n.editor.id,
    },
  });

function saveInput(article: EditableArticle, changes: Record<string, unknown> = {}) {
  return {
    baseVersion: article.version,
    title: article.title,
    slug: article.slug,
    sectionId: article.sectionId,
    body: article.body,
    ...changes,
  };
}

const imageNode = (imageId: string) => ({
  type: 'image',
  attrs: { imageId, alt: 'Road', caption: '', credit: '', width: 1600, height: 900 },
});

describe('images in saves', () => {
  it('sets, keeps (when left out) and clears the lead image', async () => {
    const image = await storedImage();
    const draft = await createArticle(n.db, n.editor, { title: 'Lead', sectionId: n.world.id });
    const set = await saveArticle(
      n.db,
      n.editor,
      draft.id,
      saveInput(draft, { leadImageId: image.id }),
    );
    if (set.status !== 'saved') throw new Error(set.status);
    expect(set.article.leadImage).toEqual({
      id: image.id,
      width: 1600,
      height: 900,
      alt: 'The valley road under water',
      caption: 'Monday',
      credit: 'J. Doe / Agency',
    });
    const kept = await saveArticle(n.db, n.editor, draft.id, saveInput(set.article));
    if (kept.status !== 'saved') throw new Error(kept.status);
    expect(kept.article.leadImage?.id).toBe(image.id);
    const cleared = await saveArticle(
      n.db,
      n.editor,
      draft.id,
      saveInput(kept.article, { leadImageId: null }),
    );
    if (cleared.status !== 'saved') throw new Error(cleared.status);
    expect(cleared.article.leadImage).toBeNull();
  });

  it('refuses images that were never uploaded, in the body or as lead, and writes nothing', async () => {
    const image = await storedImage();
    const draft = await createArticle(n.db, n.editor, { title: 'Refused', sectionId: n.world.id });
    const body = { type: 'doc', content: [imageNode(image.id), imageNode('cnotuploaded00000000')] };
    const result = await saveArticle(
      n.db,
      n.editor,
      draft.id,
      saveInput(draft, { body, leadImageId: 'cnotuploaded11111111' }),
    );
    expect(result).toEqual({
      status: 'invalid',
      errors: [
        { path: 'body', message: "image 'cnotuploaded00000000' was never uploaded" },
        { path: 'leadImageId', message: 'no uploaded image has this id' },
      ],
    });
    const stored = await n.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.version).toBe(draft.version);
    expect(JSON.parse(stored.body)).toEqual(draft.body);
  });

  it('refuses an image node whose size is not its upload’s, and writes nothing', async () => {
    const image = await storedImage();
    const draft = await createArticle(n.db, n.editor, { title: 'Sizes', sectionId: n.world.id });
    const stretched = {
      ...imageNode(image.id),
      attrs: { ...imageNode(image.id).attrs, width: 20_000, height: 1 },
    };
    const result = await saveArticle(
      n.db,
      n.editor,
      draft.id,
      saveInput(draft, { body: { type: 'doc', content: [stretched] } }),
    );
    expect(result).toEqual({
      status: 'invalid',
      errors: [{ path: 'body', message: `image '${image.id}' is 1600×900 pixels, not 20000×1` }],
    });
    const stored = await n.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.version).toBe(draft.version);
  });

  it('saves a body with an uploaded image', async () => {
    const image = await storedImage();
    const draft = await createArticle(n.db, n.editor, { title: 'Body', sectionId: n.world.id });
    const body = { type: 'doc', content: [imageNode(image.id)] };
    const result = await saveArticle(n.db, n.editor, draft.id, saveInput(draft, { body }));
    expect(result.status).toBe('saved');
  });
});
