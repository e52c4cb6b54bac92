import type { Db } from '@newsroom/db';
import {
  EditorialError,
  findEditableArticle,
  saveSharedArticle,
  type EditableArticle,
} from '@newsroom/editorial';
import * as Y from 'yjs';
import { applyArticle } from '../document/apply-json';
import {
  articleToYDoc,
  toRelatedInput,
  yDocToArticle,
  type CollabArticle,
} from '../document/article-ydoc';
import type { CollabMessage } from '../document/document-name';
import type { CollabContext } from './authenticate';

/** Marks the server's own edits (taking in a working copy changed outside) so they are not written back. */
export const WORKING_COPY_ORIGIN = Symbol('working copy');

const toCollabArticle = (article: EditableArticle): CollabArticle => ({
  title: article.title,
  slug: article.slug,
  sectionId: article.sectionId,
  standfirst: article.standfirst,
  markerStyle: article.markerStyle,
  publishedAt: article.publishedAt,
  leadImage: article.leadImage,
  body: article.body,
  related: article.related,
});

const savedMessage = (article: EditableArticle): CollabMessage => ({
  type: 'saved',
  version: article.version,
  hasUnpublishedChanges: article.hasUnpublishedChanges,
});

/** One spelling of a working copy's content, to tell a content change from a state change. */
const canonical = (article: CollabArticle) =>
  JSON.stringify([
    article.title,
    article.slug,
    article.sectionId,
    article.standfirst,
    article.markerStyle,
    article.leadImage?.id ?? null,
    article.body,
    article.related.map(toRelatedInput),
  ]);

function isUniqueViolation(error: unknown) {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
  );
}

/**
 * Loads and stores shared documents. `versions` remembers, per article, the working copy
 * version the shared document last matched: a different one means the working copy was
 * changed outside (restore, discard, a REST save), and that change wins.
 */
export function createPersistence(db: Db) {
  const versions = new Map<string, number>();
  /** The working copy's content as last written or loaded (canonical JSON), per article. */
  const contents = new Map<string, string>();
  const remember = (articleId: string, article: EditableArticle) => {
    versions.set(articleId, article.version);
    contents.set(articleId, canonical(toCollabArticle(article)));
  };

  /** The stored bytes; seeded from the working copy once (the first instance to store it wins). */
  async function load(articleId: string): Promise<Uint8Array | null> {
    const [article, row] = await Promise.all([
      findEditableArticle(db, articleId),
      db.collabDocument.findUnique({ where: { articleId } }),
    ]);
    if (!article) return null;
    if (row && row.articleVersion === article.version) {
      remember(articleId, article);
      return row.state;
    }
    const doc = row ? decode(row.state) : articleToYDoc(toCollabArticle(article));
    if (row) applyArticle(doc, toCollabArticle(article), WORKING_COPY_ORIGIN);
    const state = encodeState(doc);
    try {
      if (row)
        await db.collabDocument.update({
          where: { articleId },
          data: { state, articleVersion: article.version },
        });
      else
        await db.collabDocument.create({
          data: { articleId, state, articleVersion: article.version },
        });
    } catch (error) {
      // Another instance seeded it first: use theirs, or both seeds would end up in the document.
      if (!isUniqueViolation(error)) throw error;
      return load(articleId);
    }
    remember(articleId, article);
    return state;
  }

  async function storeBytes(articleId: string, doc: Y.Doc, articleVersion: number) {
    const state = encodeState(doc);
    await db.collabDocument.upsert({
      where: { articleId },
      create: { articleId, state, articleVersion },
      update: { state, articleVersion },
    });
  }

  /** Takes a working copy changed outside into the shared document (everyone connected sees it). */
  async function takeWorkingCopy(articleId: string, doc: Y.Doc): Promise<CollabMessage | null> {
    const article = await findEditableArticle(db, articleId);
    if (!article || article.version === versions.get(articleId)) return null;
    applyArticle(doc, toCollabArticle(article), WORKING_COPY_ORIGIN);
    remember(articleId, article);
    await storeBytes(articleId, doc, article.version);
    return savedMessage(article);
  }

  /**
   * Stores the bytes and writes the working copy through editorial's one write path, as the
   * person who made the last change. An invalid document (e.g. an emptied headline) is kept
   * as bytes, nothing lost, and the working copy waits until it is valid again.
   */
  async function store(
    articleId: string,
    doc: Y.Doc,
    context: CollabContext | undefined,
    origin: unknown,
  ): Promise<CollabMessage | null> {
    const base = versions.get(articleId);
    if (base === undefined) return null;
    if (!context?.user || origin === WORKING_COPY_ORIGIN) {
      await storeBytes(articleId, doc, base);
      return null;
    }
    const { leadImage, ...article } = yDocToArticle(doc);
    let result;
    try {
      const shared = { ...article, leadImageId: leadImage?.id ?? null };
      result = await saveSharedArticle(db, context.user, articleId, shared, base, {
        alsoWrite: async (tx, version) => {
          const state = encodeState(doc);
          await tx.collabDocument.upsert({
            where: { articleId },
            create: { articleId, state, articleVersion: version },
            update: { state, articleVersion: version },
          });
        },
      });
    } catch (error) {
      if (!(error instanceof EditorialError)) throw error;
      await storeBytes(articleId, doc, base);
      return { type: 'invalid', errors: [{ path: '(article)', message: error.message }] };
    }
    if (result.status === 'saved') {
      remember(articleId, result.article);
      return savedMessage(result.article);
    }
    if (result.status === 'invalid') {
      await storeBytes(articleId, doc, base);
      return { type: 'invalid', errors: result.errors };
    }
    // Conflict. Written by another collaboration instance (it holds this same document, through
    // Redis), or only its state changed (published, scheduled)? Then write on top of it.
    // Otherwise its content changed outside (restore, discard, a REST save) and wins.
    const row = await db.collabDocument.findUnique({
      where: { articleId },
      select: { articleVersion: true },
    });
    const sameContent = canonical(toCollabArticle(result.current)) === contents.get(articleId);
    if (row?.articleVersion === result.current.version || sameContent) {
      versions.set(articleId, result.current.version);
      return store(articleId, doc, context, origin);
    }
    return takeWorkingCopy(articleId, doc);
  }

  return {
    load,
    store,
    takeWorkingCopy,
    forget: (articleId: string) => versions.delete(articleId),
  };
}

export type Persistence = ReturnType<typeof createPersistence>;

/** Prisma's Bytes want an ArrayBuffer-backed array; Yjs's type allows a shared one. */
const encodeState = (doc: Y.Doc) => new Uint8Array(Y.encodeStateAsUpdate(doc));

function decode(bytes: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}
