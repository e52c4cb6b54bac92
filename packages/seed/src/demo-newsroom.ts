import { randomBytes } from 'node:crypto';
import { seedArticleDocument, seedArticleMeta } from '@newsroom/article';
import { hashPassword, passwordProblem, type Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { publishArticle } from '@newsroom/editorial';

export type DemoLogin = { email: string; password: string };

const SECTIONS = [
  { slug: 'military-intelligence', name: 'Military & Intelligence', position: 1 },
  { slug: 'world', name: 'World', position: 2 },
  { slug: 'politics', name: 'Politics', position: 3 },
  { slug: 'business', name: 'Business', position: 4 },
];

/**
 * Fills an empty database with a demo newsroom: an admin, sections, the seed article (with its
 * shared footnote) and the four articles it links to. Returns null when the database already has
 * users, so running it twice changes nothing.
 */
export async function seedDemoNewsroom(
  db: Db,
  options: { adminEmail?: string; adminPassword?: string } = {},
): Promise<DemoLogin | null> {
  if ((await db.user.count()) > 0) return null;

  const login: DemoLogin = {
    email: options.adminEmail ?? 'admin@newsroom.local',
    // 16 random characters: passes the password policy like any password a person chooses.
    password: options.adminPassword ?? randomBytes(12).toString('base64url'),
  };
  const problem = passwordProblem(login.password);
  if (problem) throw new Error(`The demo admin's password is refused: ${problem}`);
  const admin = await db.user.create({
    data: {
      email: login.email,
      name: 'Demo Admin',
      role: 'admin',
      passwordHash: await hashPassword(login.password),
    },
  });

  const sections = new Map<string, string>();
  for (const section of SECTIONS) {
    const created = await db.section.create({ data: section });
    sections.set(section.slug, created.id);
  }

  const relatedIds = await createRelatedArticles(db, admin, sectionId(sections, 'world'));
  const article = await db.article.create({
    data: {
      slug: seedArticleMeta.slug,
      sectionId: sectionId(sections, seedArticleMeta.section.slug),
      title: seedArticleMeta.title,
      standfirst: seedArticleMeta.standfirst,
      body: JSON.stringify(seedArticleDocument()),
      markerStyle: seedArticleMeta.markerStyle,
      publishedAt: new Date(seedArticleMeta.dateline),
      authorId: admin.id,
    },
  });
  await db.relatedLink.createMany({
    data: relatedIds.map((targetArticleId, position) => ({
      articleId: article.id,
      position,
      targetArticleId,
    })),
  });
  await publish(db, admin, article.id);
  return login;
}

function sectionId(sections: Map<string, string>, slug: string): string {
  const id = sections.get(slug);
  if (!id) throw new Error(`Seed has no section '${slug}'`);
  return id;
}

/** Published the way the newsroom does it: a live version, a revision, the URL history. */
async function publish(db: Db, actor: Actor, articleId: string) {
  const result = await publishArticle(db, actor, articleId, { baseVersion: 1 });
  if (result.status !== 'saved') throw new Error(`Seed could not publish ${articleId}`);
}

async function createRelatedArticles(db: Db, author: Actor, worldSectionId: string) {
  const ids: string[] = [];
  // Published a few hours before the seed article, one hour apart, oldest last.
  const seedTime = new Date(seedArticleMeta.dateline).getTime();
  for (const [index, { title, slug }] of seedArticleMeta.related.entries()) {
    const article = await db.article.create({
      data: {
        slug,
        sectionId: worldSectionId,
        title,
        standfirst: '',
        body: JSON.stringify(shortBody(title)),
        markerStyle: 'symbols',
        publishedAt: new Date(seedTime - (index + 1) * 3_600_000),
        authorId: author.id,
      },
    });
    await publish(db, author, article.id);
    ids.push(article.id);
  }
  return ids;
}

function shortBody(title: string) {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: `${title}. The full story is being written.` }],
      },
    ],
  };
}
