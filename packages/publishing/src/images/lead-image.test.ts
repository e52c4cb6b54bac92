import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPublishedArticle, listPublishedArticles } from '../published-articles';
import { renderStoredArticle } from '../render-stored-article';
import { newsArticleJsonLd } from '../seo/json-ld';
import { createArticle, createAuthor, createSection, goLive } from '../test-newsroom';
import { renderLeadImage } from './article-image';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('the lead image on the published article', () => {
  it('is on the read model (page, lists, feeds), in JSON-LD, and keeps body images lazy', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const section = await createSection(db, 'lead-world', 'World');
    const image = await db.image.create({
      data: {
        format: 'jpeg',
        width: 3000,
        height: 2000,
        bytes: 1,
        alt: 'Flood water "on" the <road>',
        caption: 'Monday',
        credit: 'J. Doe / Agency',
        uploadedById: author.id,
      },
    });
    const bodyImage = {
      type: 'image',
      attrs: { imageId: image.id, alt: 'x', caption: '', credit: '', width: 3000, height: 2000 },
    };
    const article = await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      slug: 'with-lead',
      body: JSON.stringify({ type: 'doc', content: [bodyImage] }),
    });
    await db.article.update({ where: { id: article.id }, data: { leadImageId: image.id } });
    // Readers see the lead image once it is live (Update), not while only the working copy has it.
    expect((await findPublishedArticle(db, 'lead-world', 'with-lead'))?.leadImage).toBeNull();
    await goLive(db, article.id);

    const found = await findPublishedArticle(db, 'lead-world', 'with-lead');
    const expected = {
      id: image.id,
      alt: 'Flood water "on" the <road>',
      caption: 'Monday',
      credit: 'J. Doe / Agency',
      width: 3000,
      height: 2000,
      src: `/media/images/${image.id}/1200.jpg`,
      srcWidth: 1200,
      srcHeight: 800,
      contentType: 'image/jpeg',
    };
    expect(found?.leadImage).toEqual(expected);
    const { articles } = await listPublishedArticles(db, { sectionSlug: 'lead-world' });
    expect(articles[0]?.leadImage).toEqual(expected);

    const jsonLd = newsArticleJsonLd({
      siteUrl: 'https://news.example',
      siteName: 'News',
      article: found!,
    });
    expect(jsonLd.image).toEqual([
      {
        '@type': 'ImageObject',
        url: `https://news.example/media/images/${image.id}/1200.jpg`,
        width: 1200,
        height: 800,
        caption: 'Monday',
        creditText: 'J. Doe / Agency',
      },
    ]);

    const lead = renderLeadImage(found!.leadImage!);
    expect(lead).toMatch(/^<figure class="lead-image"><picture>/);
    expect(lead).not.toContain('loading="lazy"');
    expect(lead).toContain('alt="Flood water &quot;on&quot; the &lt;road&gt;"');
    expect(renderStoredArticle(found!)).toContain('loading="lazy"');
    expect(renderStoredArticle({ ...found!, leadImage: null })).not.toContain('loading="lazy"');
  });
});
