// A small newsroom written straight into a test database, and a staff client that changes it
// through the real editor's API (so the editor sees and announces every change).
import { ARTICLE_STATUS } from '@newsroom/article';
import { createSession, SESSION_COOKIE } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { editableFieldsOf, toRelatedInput, type EditableArticle } from '@newsroom/editorial';
import { articleApiPath } from '../newsroom/newsroom-paths';

let counter = 0;

export async function createNewsroom(db: Db) {
  const editor = await db.user.create({
    data: {
      email: `editor-${++counter}-${Date.now()}@newsroom.test`,
      name: 'Ed Itor',
      role: 'editor',
      passwordHash: 'not-used',
    },
  });
  const [world, politics] = await Promise.all([
    db.section.create({ data: { slug: `world-${counter}`, name: 'World', position: 1 } }),
    db.section.create({ data: { slug: `politics-${counter}`, name: 'Politics', position: 2 } }),
  ]);
  const { token } = await createSession(db, editor.id);
  return { editor, world, politics, sessionToken: token };
}

export function paragraphs(...texts: string[]) {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/**
 * A published article as the database holds it: the working copy, its live version and its first
 * URL (written directly: no announcement).
 */
export async function insertArticle(
  db: Db,
  fixture: { authorId: string; sectionId: string; slug: string; title: string; text?: string },
) {
  const body = JSON.stringify(paragraphs(fixture.text ?? `The text of ${fixture.title}.`));
  const publishedAt = new Date(Date.UTC(2026, 0, 1, counter++));
  const article = await db.article.create({
    data: {
      authorId: fixture.authorId,
      sectionId: fixture.sectionId,
      slug: fixture.slug,
      title: fixture.title,
      body,
      status: ARTICLE_STATUS.published,
      publishedAt,
      liveVersion: 1,
    },
  });
  await db.articleLive.create({
    data: {
      articleId: article.id,
      slug: fixture.slug,
      sectionId: fixture.sectionId,
      title: fixture.title,
      standfirst: '',
      body,
      markerStyle: article.markerStyle,
      publishedAt,
      updatedAt: publishedAt,
    },
  });
  await db.articlePath.create({ data: { slug: fixture.slug, articleId: article.id } });
  return article;
}

/**
 * What a save sends: `article` as the API returned it, with `changes` over it. Without the
 * dateline unless `changes` has one: left out, it stays as stored.
 */
function saveInputOf(article: EditableArticle, changes: Record<string, unknown>) {
  const { publishedAt: _dateline, ...fields } = editableFieldsOf(article);
  return {
    baseVersion: article.version,
    ...fields,
    // A save takes related entries in their stored form, not as the page shows them.
    related: article.related.map(toRelatedInput),
    ...changes,
  };
}

/** The newsroom API of one editor instance, as a logged-in editor (same-origin requests). */
export function staffClient(editorUrl: string, sessionToken: string) {
  const headers = {
    cookie: `${SESSION_COOKIE}=${sessionToken}`,
    origin: editorUrl,
    'content-type': 'application/json',
  };
  async function call(method: string, path: string, body?: unknown): Promise<EditableArticle> {
    const response = await fetch(`${editorUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { article?: EditableArticle };
    if (!response.ok || !answer.article) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    }
    return answer.article;
  }
  return {
    get: (id: string) => call('GET', articleApiPath(id)),
    /** Saves the article with `changes` on top of what the API returned. */
    save: (article: EditableArticle, changes: Record<string, unknown>) =>
      call('PUT', articleApiPath(article.id), saveInputOf(article, changes)),
    /** Publish, or "Update" for a live article: the working copy becomes what readers see. */
    publish: (article: EditableArticle) =>
      call('POST', `${articleApiPath(article.id)}/publish`, { baseVersion: article.version }),
    unpublish: (article: EditableArticle) =>
      call('POST', `${articleApiPath(article.id)}/unpublish`, { baseVersion: article.version }),
  };
}
