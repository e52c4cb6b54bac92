import { ALT_TEXT_NEEDED } from '@newsroom/article';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNewsroom, paragraphDoc, saveInputOf, type TestNewsroom } from '../test-newsroom';
import { createArticle } from './create-article';
import { findEditableArticle, type EditableArticle } from './editable-article';
import { scheduleArticle } from '../scheduling/schedule';
import { publishArticle } from './publish';
import { saveArticle } from './save-article';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

const picture = (imageId: string, alt: string) => ({
  type: 'image',
  attrs: { imageId, alt, caption: '', credit: '', width: 800, height: 600 },
});

describe('publishing an article whose images still need alt text', () => {
  it('is refused with the images named, and allowed once they are described', async () => {
    const [first, second] = await Promise.all(
      ['One', 'Two'].map((alt) =>
        n.db.image.create({
          data: {
            format: 'jpeg',
            width: 800,
            height: 600,
            bytes: 1,
            alt,
            uploadedById: n.editor.id,
          },
        }),
      ),
    );
    const body = (secondAlt: string) => ({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Imported text.' }] },
        picture(first!.id, 'The river at dawn'),
        picture(second!.id, secondAlt),
      ],
    });
    const draft = await createArticle(
      n.db,
      n.editor,
      { title: 'Imported with pictures', sectionId: n.world.id },
      { body: body(ALT_TEXT_NEEDED), markerStyle: 'numeric' },
    );
    await expect(
      publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'not_ready',
      message:
        'body: Image 2 of the article has no alt text: describe it with “Edit image” before publishing',
    });
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'draft',
      live: null,
    });

    const saved = await saveArticle(n.db, n.editor, draft.id, {
      ...draft,
      baseVersion: draft.version,
      body: body('A flood gauge'),
    });
    expect(saved.status).toBe('saved');
    const version = saved.status === 'saved' ? saved.article.version : 0;
    expect(await publishArticle(n.db, n.editor, draft.id, { baseVersion: version })).toMatchObject({
      status: 'saved',
      article: { status: 'published' },
    });
  });
});

describe('publishing an article whose lead image still needs alt text', () => {
  const storedImage = (alt: string) =>
    n.db.image.create({
      data: { format: 'jpeg', width: 1200, height: 800, bytes: 1, alt, uploadedById: n.editor.id },
    });
  const leadImageRefusal = {
    status: 422,
    code: 'not_ready',
    message: expect.stringContaining('leadImageId: the lead image has no alt text'),
  };

  it('refuses Publish, Update and a schedule, and allows them once the lead image is described', async () => {
    const [placeholder, described] = await Promise.all([
      storedImage(ALT_TEXT_NEEDED),
      storedImage('Sandbags along the quay'),
    ]);
    const draft = await createArticle(
      n.db,
      n.editor,
      { title: 'Imported lead picture', sectionId: n.world.id },
      { body: paragraphDoc('Flood defences hold.'), markerStyle: 'numeric' },
    );
    const withLead = async (article: EditableArticle, leadImageId: string) => {
      const saved = await saveArticle(n.db, n.editor, article.id, {
        ...saveInputOf(article),
        leadImageId,
      });
      if (saved.status !== 'saved') throw new Error(`save failed: ${JSON.stringify(saved)}`);
      return saved.article;
    };

    const undescribed = await withLead(draft, placeholder.id);
    await expect(
      publishArticle(n.db, n.editor, draft.id, { baseVersion: undescribed.version }),
    ).rejects.toMatchObject(leadImageRefusal);
    await expect(
      scheduleArticle(n.db, n.editor, draft.id, {
        baseVersion: undescribed.version,
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    ).rejects.toMatchObject(leadImageRefusal);
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'draft',
      version: undescribed.version,
      live: null,
    });

    const ready = await withLead(undescribed, described.id);
    const published = await publishArticle(n.db, n.editor, draft.id, {
      baseVersion: ready.version,
    });
    if (published.status !== 'saved') throw new Error('publish failed');

    const update = await withLead(published.article, placeholder.id);
    await expect(
      publishArticle(n.db, n.editor, draft.id, { baseVersion: update.version }),
    ).rejects.toMatchObject(leadImageRefusal);
    expect(await n.db.articleLive.findUnique({ where: { articleId: draft.id } })).toMatchObject({
      leadImageId: described.id,
    });
  });
});

describe('publishing an article with an empty note', () => {
  it('is refused with the note’s number, and allowed once the note is written', async () => {
    const reference = (noteId: string) => ({ type: 'footnoteReference', attrs: { noteId } });
    const note = (id: string, text: string) => ({
      type: 'footnote',
      attrs: { id },
      content: text ? [{ type: 'text', text }] : [],
    });
    const body = (secondNote: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Claimed' },
            reference('a'),
            { type: 'text', text: ' and sourced' },
            reference('b'),
          ],
        },
        { type: 'footnotes', content: [note('a', 'A source.'), note('b', secondNote)] },
      ],
    });
    const draft = await createArticle(
      n.db,
      n.editor,
      { title: 'With an empty note', sectionId: n.world.id },
      { body: body(' \u200b '), markerStyle: 'numeric' },
    );
    await expect(
      publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'not_ready',
      message: 'body: Note 2 is empty: write it, or delete its marker, before publishing',
    });

    const stored = (await findEditableArticle(n.db, draft.id))!;
    const saved = await saveArticle(n.db, n.editor, draft.id, {
      ...stored,
      baseVersion: stored.version,
      body: body('Another source.'),
    });
    expect(saved.status).toBe('saved');
    const version = saved.status === 'saved' ? saved.article.version : 0;
    expect(await publishArticle(n.db, n.editor, draft.id, { baseVersion: version })).toMatchObject({
      status: 'saved',
    });
  });
});

describe('publishing an article with an implausible dateline', () => {
  const body = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Some news.' }] }],
  };

  async function draftWithDateline(title: string, dateline: string) {
    const draft = await createArticle(
      n.db,
      n.editor,
      { title, sectionId: n.world.id },
      { body, markerStyle: 'numeric' },
    );
    await n.db.article.update({
      where: { id: draft.id },
      data: { publishedAt: new Date(dateline) },
    });
    return draft;
  }

  it('is refused for a dateline years ahead or before 1900, saying why', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    for (const [dateline, reason] of [
      ['9999-12-31T23:59:00Z', /9999-12-31 is more than a day after the article goes live/],
      ['0001-01-01T00:00:00Z', /0001-01-01 is before 1900/],
    ] as const) {
      const draft = await draftWithDateline(`Dateline ${dateline}`, dateline);
      await expect(
        publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version }, now),
      ).rejects.toMatchObject({ status: 422, code: 'not_ready', message: reason });
    }
  });

  it('allows a dateline ahead when the article is scheduled for that time', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const draft = await draftWithDateline('Embargoed for next week', '2026-12-07T06:00:00Z');
    await expect(
      publishArticle(n.db, n.editor, draft.id, { baseVersion: draft.version }, now),
    ).rejects.toMatchObject({ code: 'not_ready' });
    const scheduled = await scheduleArticle(
      n.db,
      n.editor,
      draft.id,
      { baseVersion: draft.version, publishAt: '2026-12-07T06:00:00Z' },
      now,
    );
    expect(scheduled).toMatchObject({ status: 'saved', article: { status: 'scheduled' } });
  });
});
