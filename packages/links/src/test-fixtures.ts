import type { Db } from '@newsroom/db';

/** A published article to hang canonical links on (tests only). */
export async function createTestArticle(db: Db, slug: string) {
  const author = await db.user.upsert({
    where: { email: 'fixture@example.com' },
    update: {},
    create: { email: 'fixture@example.com', name: 'Fixture', passwordHash: 'x' },
  });
  const section = await db.section.upsert({
    where: { slug: 'world' },
    update: {},
    create: { slug: 'world', name: 'World' },
  });
  return db.article.create({
    data: {
      slug,
      title: `Article ${slug}`,
      body: '{"type":"doc","content":[]}',
      status: 'published',
      publishedAt: new Date(),
      sectionId: section.id,
      authorId: author.id,
    },
  });
}
