import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPUBLISHED_RELATED_TITLE, validateArticle } from '@newsroom/article';
import { createTestNewsroom, paragraphDoc, saveInputOf, type TestNewsroom } from '../test-newsroom';
import { createArticle } from './create-article';
import { findEditableArticle, findVisibleArticle } from './editable-article';
import { listArticles, searchPublishedArticles } from './list-articles';
import { publishArticle, unpublishArticle } from './publish';
import { saveArticle } from './save-article';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

/** A new article with something in its body, ready to publish. */
/** A writer's draft whose related list an editor gave another writer's draft (`theirTitle`). */
async function writersDraftListing(theirTitle: string) {
  const mine = await createArticle(n.db, n.writer, { title: 'Mine', sectionId: n.world.id });
  const theirs = await createArticle(n.db, n.otherWriter, {
    title: theirTitle,
    sectionId: n.world.id,
  });
  const linked = await saveArticle(
    n.db,
    n.editor,
    mine.id,
    saveInputOf(mine, { related: [{ articleId: theirs.id }] }),
  );
  return { mine, theirs, linked };
}

async function writtenArticle(actor: TestNewsroom['editor'], title: string) {
  const article = await createArticle(n.db, actor, { title, sectionId: n.world.id });
  const saved = await saveArticle(
    n.db,
    actor,
    article.id,
    saveInputOf(article, { body: paragraphDoc(`The story of ${title}.`) }),
  );
  if (saved.status !== 'saved') throw new Error(`could not write ${title}`);
  return saved.article;
}

describe('creating articles', () => {
  it('creates a draft by the actor with a unique slug from the headline', async () => {
    const first = await createArticle(n.db, n.writer, {
      title: 'Floods in the Valley',
      sectionId: n.world.id,
    });
    const second = await createArticle(n.db, n.editor, {
      title: 'Floods in the valley!',
      sectionId: n.world.id,
    });
    expect(first).toMatchObject({
      slug: 'floods-in-the-valley',
      status: 'draft',
      version: 1,
      authorId: n.writer.id,
    });
    expect(second.slug).toBe('floods-in-the-valley-2');
  });

  it('refuses a missing headline or unknown section with field errors', async () => {
    await expect(
      createArticle(n.db, n.writer, { title: '  ', sectionId: n.world.id }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'title', message: 'Give the article a headline' }],
    });
    await expect(
      createArticle(n.db, n.writer, { title: 'X', sectionId: 'nope' }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'sectionId' }],
    });
  });

  it('names the body as a whole when the input is not an object at all', async () => {
    const refusal = createArticle(n.db, n.writer, ['not', 'an', 'object'] as never);
    await expect(refusal).rejects.toMatchObject({
      status: 422,
      errors: [{ path: '(body)', message: expect.stringContaining('expected object') }],
    });
    await expect(refusal).rejects.toThrow(/^\(body\): /);
  });

  it('applies the headline rules of saving: no control characters, one line, visible text', async () => {
    const refusals = {
      'A\u0000B': 'title contains an invisible control character (U+0000); remove it',
      '\u200b\u200b': 'The headline has no visible characters: write one with letters or digits',
      '\u2800 \u3164': 'The headline has no visible characters: write one with letters or digits',
      'Line\nbreak': 'Keep the headline on one line: remove the line break or tab',
      'Tab\there': 'Keep the headline on one line: remove the line break or tab',
    };
    for (const [title, message] of Object.entries(refusals)) {
      await expect(
        createArticle(n.db, n.writer, { title, sectionId: n.world.id }),
        JSON.stringify(title),
      ).rejects.toMatchObject({ status: 422, errors: [{ path: 'title', message }] });
      // Saving says the same about the same headline.
      const saved = validateArticle({
        title,
        slug: 'a',
        sectionId: n.world.id,
        body: paragraphDoc('Body.'),
      });
      expect(saved.ok ? [] : saved.errors).toEqual([{ path: 'title', message }]);
    }
    const created = await createArticle(n.db, n.writer, {
      title: '\u200bZero-width inside',
      sectionId: n.world.id,
    });
    expect(created.title).toBe('\u200bZero-width inside');
  });
});

describe('creating an article with content (an import)', () => {
  const withNote = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Imported' },
          { type: 'footnoteReference', attrs: { noteId: 'fn-a' } },
        ],
      },
      {
        type: 'footnotes',
        content: [
          { type: 'footnote', attrs: { id: 'fn-a' }, content: [{ type: 'text', text: 'Note' }] },
        ],
      },
    ],
  };

  it('stores the body and marker style in the one insert', async () => {
    const created = await createArticle(
      n.db,
      n.writer,
      { title: 'Imported story', sectionId: n.world.id },
      { body: withNote, markerStyle: 'numeric' },
    );
    expect(created).toMatchObject({ body: withNote, markerStyle: 'numeric', status: 'draft' });
  });

  it('refuses an invalid body and leaves no draft behind', async () => {
    const before = await n.db.article.count();
    const dangling = { type: 'doc', content: [withNote.content[0]!] };
    await expect(
      createArticle(
        n.db,
        n.writer,
        { title: 'Broken import', sectionId: n.world.id },
        { body: dangling, markerStyle: 'numeric' },
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(await n.db.article.count()).toBe(before);
  });
});

describe('saving', () => {
  it('saves body, fields and related links and bumps the version', async () => {
    const target = await writtenArticle(n.editor, 'Target story');
    await publishArticle(n.db, n.editor, target.id, { baseVersion: target.version });
    const article = await createArticle(n.db, n.writer, {
      title: 'A draft',
      sectionId: n.world.id,
    });
    const result = await saveArticle(
      n.db,
      n.writer,
      article.id,
      saveInputOf(article, {
        title: 'A better headline',
        slug: 'a-better-headline',
        sectionId: n.politics.id,
        standfirst: 'Short summary',
        markerStyle: 'numeric',
        publishedAt: '2021-04-14T07:00:00Z',
        body: paragraphDoc('Hello world'),
        related: [{ articleId: target.id }, { title: 'Elsewhere', url: 'https://example.org/x' }],
      }),
    );
    expect(result.status).toBe('saved');
    const stored = await findEditableArticle(n.db, article.id);
    expect(stored).toMatchObject({
      version: 2,
      title: 'A better headline',
      slug: 'a-better-headline',
      sectionId: n.politics.id,
      standfirst: 'Short summary',
      markerStyle: 'numeric',
      publishedAt: '2021-04-14T07:00:00.000Z',
      body: paragraphDoc('Hello world'),
      related: [
        { articleId: target.id, title: 'Target story', href: '/world/target-story' },
        { title: 'Elsewhere', url: 'https://example.org/x' },
      ],
    });
  });

  it('answers a stale save with a conflict carrying the stored article, and writes nothing', async () => {
    const article = await createArticle(n.db, n.editor, {
      title: 'Contested',
      sectionId: n.world.id,
    });
    const mine = await saveArticle(
      n.db,
      n.editor,
      article.id,
      saveInputOf(article, { body: paragraphDoc('first') }),
    );
    expect(mine.status).toBe('saved');
    const stale = await saveArticle(
      n.db,
      n.admin,
      article.id,
      saveInputOf(article, { title: 'Overwritten?', body: paragraphDoc('second') }),
    );
    expect(stale.status).toBe('conflict');
    if (stale.status !== 'conflict') return;
    expect(stale.current).toMatchObject({
      version: 2,
      title: 'Contested',
      body: paragraphDoc('first'),
    });
    expect(await findEditableArticle(n.db, article.id)).toEqual(stale.current);
  });

  it('lets exactly one of two concurrent saves on the same base version win', async () => {
    const article = await createArticle(n.db, n.editor, { title: 'Race', sectionId: n.world.id });
    const results = await Promise.all(
      ['tab one', 'tab two', 'tab three'].map((text) =>
        saveArticle(n.db, n.editor, article.id, saveInputOf(article, { body: paragraphDoc(text) })),
      ),
    );
    const winners = results.filter((result) => result.status === 'saved');
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => result.status === 'conflict')).toHaveLength(2);
    const stored = await findEditableArticle(n.db, article.id);
    expect(stored?.version).toBe(2);
    expect(winners[0]?.status === 'saved' && winners[0].article.body).toEqual(stored?.body);
  });

  it('refuses an invalid body or fields with paths and leaves the stored article unchanged', async () => {
    const other = await createArticle(n.db, n.editor, {
      title: 'Taken slug',
      sectionId: n.world.id,
    });
    const article = await createArticle(n.db, n.editor, { title: 'Valid', sectionId: n.world.id });
    const before = await findEditableArticle(n.db, article.id);
    const result = await saveArticle(
      n.db,
      n.editor,
      article.id,
      saveInputOf(article, {
        slug: other.slug,
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'x',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        },
        related: [{ title: 'Bad', url: 'ftp://example.org' }],
      }),
    );
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    const paths = result.errors.map((error) => error.path);
    expect(paths).toContain('related[0].url');
    expect(paths.some((path) => path.startsWith('body.content[0]'))).toBe(true);
    expect(await findEditableArticle(n.db, article.id)).toEqual(before);

    const slugOnly = await saveArticle(
      n.db,
      n.editor,
      article.id,
      saveInputOf(article, { slug: other.slug }),
    );
    expect(slugOnly).toEqual({
      status: 'invalid',
      code: 'slug_taken',
      errors: [{ path: 'slug', message: expect.stringContaining('another article uses') }],
    });
    const noVersion = await saveArticle(n.db, n.editor, article.id, {
      ...saveInputOf(article),
      baseVersion: undefined,
    });
    expect(noVersion.status === 'invalid' && noVersion.errors[0]).toEqual({
      path: 'baseVersion',
      message: 'baseVersion is required: the version of the article you started from',
    });
    // Within the ISO pattern, but past the years a database stores (PostgreSQL: a 500).
    for (const publishedAt of ['0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-23:59']) {
      const outOfRange = await saveArticle(n.db, n.editor, article.id, {
        ...saveInputOf(article),
        publishedAt,
      });
      expect(outOfRange.status === 'invalid' && outOfRange.errors[0]).toEqual({
        path: 'publishedAt',
        message: 'publishedAt must fall within the years 1 to 9999 (GMT)',
      });
    }
    // 2 ** 31: past the version column's 32 bits (PostgreSQL failed the query: a 500).
    for (const baseVersion of [-1, 0, 1.5, 1e308, 2 ** 31]) {
      const wrong = await saveArticle(n.db, n.editor, article.id, {
        ...saveInputOf(article),
        baseVersion,
      });
      expect(wrong.status === 'invalid' && wrong.errors[0]).toEqual({
        path: 'baseVersion',
        message: expect.stringMatching(/whole number of at least 1/),
      });
    }
    expect(await findEditableArticle(n.db, article.id)).toEqual(before);
  });

  it('lets writers edit only their own drafts (someone else’s is as unknown as a made-up id)', async () => {
    const theirs = await createArticle(n.db, n.otherWriter, {
      title: 'Not yours',
      sectionId: n.world.id,
    });
    await expect(saveArticle(n.db, n.writer, theirs.id, saveInputOf(theirs))).rejects.toMatchObject(
      {
        status: 404,
        message: 'The article was not found',
      },
    );
    const own = await writtenArticle(n.writer, 'Mine, then published');
    const published = await publishArticle(n.db, n.editor, own.id, { baseVersion: own.version });
    expect(published.status).toBe('saved');
    await expect(
      saveArticle(n.db, n.writer, own.id, saveInputOf(own, { baseVersion: own.version + 1 })),
    ).rejects.toMatchObject({ status: 403 });
    await expect(saveArticle(n.db, n.writer, 'missing', saveInputOf(own))).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('publishing', () => {
  it('refuses writers and publishes for editors, setting publishedAt once', async () => {
    const article = await writtenArticle(n.writer, 'To publish');
    await expect(
      publishArticle(n.db, n.writer, article.id, { baseVersion: 2 }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect((await findEditableArticle(n.db, article.id))?.status).toBe('draft');

    const firstTime = new Date('2026-01-02T10:00:00Z');
    const published = await publishArticle(
      n.db,
      n.editor,
      article.id,
      { baseVersion: 2 },
      firstTime,
    );
    expect(published).toMatchObject({
      status: 'saved',
      article: { status: 'published', publishedAt: firstTime.toISOString(), version: 3 },
    });
    const unpublished = await unpublishArticle(n.db, n.admin, article.id, { baseVersion: 3 });
    expect(unpublished).toMatchObject({
      status: 'saved',
      article: { status: 'draft', version: 4, live: null },
    });
    const again = await publishArticle(n.db, n.editor, article.id, { baseVersion: 4 }, new Date());
    expect(again.status === 'saved' && again.article.publishedAt).toBe(firstTime.toISOString());
  });

  it('does not publish a version the editor has not seen', async () => {
    const article = await createArticle(n.db, n.editor, {
      title: 'Moving target',
      sectionId: n.world.id,
    });
    await saveArticle(
      n.db,
      n.editor,
      article.id,
      saveInputOf(article, { body: paragraphDoc('newer') }),
    );
    const result = await publishArticle(n.db, n.editor, article.id, { baseVersion: 1 });
    expect(result).toMatchObject({ status: 'conflict', current: { status: 'draft', version: 2 } });
  });
});

describe('listing and searching', () => {
  it('filters by status, section and title, newest first, paginated', async () => {
    const all = await listArticles(n.db, n.editor, { pageSize: 100 });
    const created = all.items.map((item) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const politics = await listArticles(n.db, n.editor, { sectionId: n.politics.id });
    expect(politics.items.map((item) => item.title)).toEqual(['A better headline']);
    const published = await listArticles(n.db, n.editor, { status: 'published' });
    expect(published.items.every((item) => item.status === 'published')).toBe(true);
    const floods = await listArticles(n.db, n.editor, { q: 'Floods' });
    expect(floods.total).toBe(2);

    const page2 = await listArticles(n.db, n.editor, { pageSize: 2, page: 2 });
    expect(page2.items.map((item) => item.id)).toEqual(
      all.items.slice(2, 4).map((item) => item.id),
    );
    expect(page2.pages).toBe(Math.ceil(all.total / 2));
  });

  it('reads a section id holding NUL from a URL as any section (PostgreSQL failed it with a 500)', async () => {
    await createArticle(n.db, n.editor, { title: 'Any section', sectionId: n.world.id });
    const all = await listArticles(n.db, n.editor, { pageSize: 100 });
    const nul = await listArticles(n.db, n.editor, { pageSize: 100, sectionId: 'a\u0000' });
    expect(nul.total).toBe(all.total);
  });

  it('finds only published articles by title', async () => {
    const results = await searchPublishedArticles(n.db, 'target');
    expect(results).toEqual([
      expect.objectContaining({
        title: 'Target story',
        href: '/world/target-story',
        section: 'World',
      }),
    ]);
    expect(await searchPublishedArticles(n.db, 'Floods')).toEqual([]);
  });

  it('takes % and _ in a search literally, in the list and the related-article search', async () => {
    await createArticle(n.db, n.editor, {
      title: 'Rates up 100% in a year',
      sectionId: n.world.id,
    });
    await createArticle(n.db, n.editor, {
      title: 'Rates up 1000 in a year',
      sectionId: n.world.id,
    });
    const titles = async (q: string) =>
      (await listArticles(n.db, n.editor, { q, pageSize: 100 })).items.map((item) => item.title);
    expect(await titles('100%')).toEqual(['Rates up 100% in a year']);
    expect(await titles('up 1_0')).toEqual([]);
    expect(await searchPublishedArticles(n.db, '%')).toEqual([]);
    expect(await searchPublishedArticles(n.db, 'Tar_et')).toEqual([]);
  });
});

describe('what writers see', () => {
  it('lists, fetches and previews only their own drafts (and every published article)', async () => {
    const mine = await createArticle(n.db, n.writer, {
      title: 'My own draft',
      sectionId: n.world.id,
    });
    const theirs = await createArticle(n.db, n.otherWriter, {
      title: 'Their secret draft',
      sectionId: n.world.id,
    });
    const listed = await listArticles(n.db, n.writer, { pageSize: 100 });
    const ids = listed.items.map((item) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(
      listed.items.every((item) => item.status === 'published' || item.author.id === n.writer.id),
    ).toBe(true);
    expect(listed.total).toBe(listed.items.length);

    expect(await findVisibleArticle(n.db, n.writer, theirs.id)).toBeNull();
    expect(await findVisibleArticle(n.db, n.writer, mine.id)).toMatchObject({ id: mine.id });
    expect(await findVisibleArticle(n.db, n.editor, theirs.id)).toMatchObject({ id: theirs.id });
    const forEditor = await listArticles(n.db, n.editor, { pageSize: 100 });
    expect(forEditor.items.map((item) => item.id)).toContain(theirs.id);
  });

  it("cannot learn of someone else's draft by linking to it: it is answered as missing", async () => {
    const mine = await createArticle(n.db, n.writer, { title: 'Linking', sectionId: n.world.id });
    const theirs = await createArticle(n.db, n.otherWriter, {
      title: 'Embargoed merger',
      sectionId: n.world.id,
    });
    const published = await writtenArticle(n.editor, 'Linkable story');
    await publishArticle(n.db, n.editor, published.id, { baseVersion: published.version });

    const refused = await saveArticle(
      n.db,
      n.writer,
      mine.id,
      saveInputOf(mine, { related: [{ articleId: theirs.id }] }),
    );
    expect(refused).toEqual({
      status: 'invalid',
      errors: [{ path: 'related[0].articleId', message: 'no article has this id' }],
    });
    const allowed = await saveArticle(
      n.db,
      n.writer,
      mine.id,
      saveInputOf(mine, { related: [{ articleId: published.id }] }),
    );
    expect(allowed.status).toBe('saved');
    // An editor sees every draft, so may link to one.
    const byEditor = await saveArticle(
      n.db,
      n.editor,
      published.id,
      saveInputOf((await findEditableArticle(n.db, published.id))!, {
        related: [{ articleId: theirs.id }],
      }),
    );
    expect(byEditor.status).toBe('saved');
  });

  it("saves a writer's draft that an editor linked to someone else's draft, the link kept", async () => {
    const { mine, theirs, linked } = await writersDraftListing('Their draft');
    expect(linked.status).toBe('saved');
    // The writer sends the article back as it came, with a change of their own.
    const fetched = (await findEditableArticle(n.db, mine.id))!;
    const saved = await saveArticle(
      n.db,
      n.writer,
      mine.id,
      saveInputOf(fetched, { title: 'Mine, edited' }),
    );
    expect(saved.status).toBe('saved');
    expect((await findEditableArticle(n.db, mine.id))!.related).toMatchObject([
      { articleId: theirs.id },
    ]);
    // Adding it anew is still refused: only what the list held is kept.
    const other = await createArticle(n.db, n.writer, { title: 'Other', sectionId: n.world.id });
    expect(
      await saveArticle(
        n.db,
        n.writer,
        other.id,
        saveInputOf(other, { related: [{ articleId: theirs.id }] }),
      ),
    ).toMatchObject({ status: 'invalid' });
  });
});

describe("a related article's headline", () => {
  it('is shown for a draft only to those who may see the draft, and for a live one to everyone', async () => {
    const { mine, theirs, linked } = await writersDraftListing('Their secret plan');
    expect(linked.status === 'saved' && linked.article.related).toEqual([
      { articleId: theirs.id, title: 'Their secret plan', href: null },
    ]);
    const unpublished = { articleId: theirs.id, title: UNPUBLISHED_RELATED_TITLE, href: null };
    expect((await findVisibleArticle(n.db, n.writer, mine.id))!.related).toEqual([unpublished]);
    expect((await findVisibleArticle(n.db, n.editor, mine.id))!.related[0]).toMatchObject({
      title: 'Their secret plan',
    });
    // Without a viewer: as everyone on the staff may see it (the shared document).
    expect((await findEditableArticle(n.db, mine.id))!.related).toEqual([unpublished]);
    // A save answers the writer with the article as they may see it.
    const fetched = (await findVisibleArticle(n.db, n.writer, mine.id))!;
    const saved = await saveArticle(n.db, n.writer, mine.id, saveInputOf(fetched));
    expect(saved.status === 'saved' && saved.article.related).toEqual([unpublished]);

    const live = await writtenArticle(n.otherWriter, 'Out now');
    await publishArticle(n.db, n.editor, live.id, { baseVersion: live.version });
    const withLive = (await findVisibleArticle(n.db, n.writer, mine.id))!;
    await saveArticle(
      n.db,
      n.editor,
      mine.id,
      saveInputOf(withLive, { related: [{ articleId: live.id }] }),
    );
    expect((await findEditableArticle(n.db, mine.id))!.related[0]).toMatchObject({
      title: 'Out now',
      href: expect.stringContaining('/'),
    });
  });
});

describe('GET then PUT', () => {
  it('accepts an article exactly as the API returned it, internal related links included', async () => {
    const target = await writtenArticle(n.editor, 'Round trip target');
    await publishArticle(n.db, n.editor, target.id, { baseVersion: target.version });
    const article = await createArticle(n.db, n.editor, {
      title: 'Round trip',
      sectionId: n.world.id,
    });
    const withLinks = await saveArticle(n.db, n.editor, article.id, {
      ...saveInputOf(article),
      related: [{ articleId: target.id }, { title: 'Elsewhere', url: 'https://example.com/x' }],
    });
    expect(withLinks.status).toBe('saved');
    const fetched = (await findEditableArticle(n.db, article.id))!;
    expect(fetched.related[0]).toMatchObject({ articleId: target.id, title: 'Round trip target' });
    const again = await saveArticle(n.db, n.editor, article.id, {
      ...fetched,
      baseVersion: fetched.version,
    });
    expect(again).toMatchObject({ status: 'saved' });
    const stored = await n.db.relatedLink.findMany({ where: { articleId: article.id } });
    expect(stored).toHaveLength(2);
  });
});
