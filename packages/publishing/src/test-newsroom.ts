// Builds small newsrooms in a real test database for this package's tests (not exported).
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

export async function createArticle(db: Db, fixture: ArticleFixture) {
  const status = fixture.status ?? 'published';
  const slug = fixture.slug ?? unique('article');
  return db.article.create({
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
}
