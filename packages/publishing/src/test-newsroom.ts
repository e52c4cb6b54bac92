// Builds small newsrooms in a real test database for this package's tests (not exported).
import type { RelatedLinkInput } from '@newsroom/article';
import type { Db } from '@newsroom/db';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

export async function createAuthor(db: Db, name = 'Ann Writer') {
  return db.user.create({
    data: { email: `${unique('writer')}@newsroom.test`, name, passwordHash: 'not-a-real-hash' },
  });
}

export async function createSection(db: Db, slug = unique('section'), name = `Section ${slug}`) {
  return db.section.create({ data: { slug, name } });
}

export interface ArticleFixture {
  authorId: string;
  sectionId: string;
  slug?: string;
  title?: string;
  standfirst?: string;
  body?: string;
  markerStyle?: string;
  status?: 'draft' | 'published';
  publishedAt?: Date;
}

/**
 * An article; a published one also gets its live version and URL history, as the newsroom's
 * publish does (this package only reads them). `related` becomes the live related list.
 */
export async function createArticle(
  db: Db,
  fixture: ArticleFixture & { related?: RelatedLinkInput[] },
) {
  const status = fixture.status ?? 'published';
  const slug = fixture.slug ?? unique('article');
  const article = await db.article.create({
    data: {
      authorId: fixture.authorId,
      sectionId: fixture.sectionId,
      slug,
      title: fixture.title ?? `Headline of ${slug}`,
      standfirst: fixture.standfirst ?? '',
      body: fixture.body ?? JSON.stringify({ type: 'doc', content: [] }),
      markerStyle: fixture.markerStyle ?? 'symbols',
      status,
      publishedAt: status === 'published' ? (fixture.publishedAt ?? new Date()) : null,
    },
  });
  if (status === 'published') await goLive(db, article.id, fixture.related ?? []);
  return article;
}

/** What publishing an article does to the read side: the working copy becomes the live row. */
export async function goLive(db: Db, articleId: string, related: RelatedLinkInput[] = []) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  const content = {
    slug: article.slug,
    sectionId: article.sectionId,
    title: article.title,
    standfirst: article.standfirst,
    body: article.body,
    markerStyle: article.markerStyle,
    leadImageId: article.leadImageId,
    related: JSON.stringify(related),
    publishedAt: article.publishedAt ?? new Date(),
    updatedAt: new Date(),
  };
  await db.article.update({ where: { id: articleId }, data: { status: 'published' } });
  await db.articleLive.upsert({
    where: { articleId },
    create: { articleId, ...content },
    update: content,
  });
  await db.articlePath.upsert({
    where: { slug: article.slug },
    create: { slug: article.slug, articleId },
    update: {},
  });
}

/** What unpublishing does to the read side. */
export async function takeDown(db: Db, articleId: string) {
  await db.article.update({ where: { id: articleId }, data: { status: 'draft' } });
  await db.articleLive.delete({ where: { articleId } });
}
