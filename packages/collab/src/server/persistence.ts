import type { Actor } from '@newsroom/auth';
import { isForeignKeyViolation, isUniqueViolation, type Db } from '@newsroom/db';
import {
  deletedTargets,
  editableFieldsOf,
  EditorialError,
  findEditableArticle,
  saveSharedArticle,
  type EditableArticle,
} from '@newsroom/editorial';
import * as Y from 'yjs';
import { applyArticle } from '../document/apply-json';
import {
  articleToYDoc,
  dropRelatedEntries,
  readRelated,
  relabelRelated,
  toRelatedInput,
  upgradeLegacyTextFields,
  yDocToArticle,
  type CollabArticle,
} from '../document/article-ydoc';
import type { CollabMessage } from '../document/document-name';
import { repairStoredLinks } from '../document/refused-links';
import type { CollabContext } from './authenticate';

/** Marks the server's own edits (taking in a working copy changed outside) so they are not written back. */
export const WORKING_COPY_ORIGIN = Symbol('working copy');
/** Hocuspocus's transaction origin for server-side changes that must not schedule a store. */
const MERGED_FROM_STORE = { source: 'local', skipStoreHooks: true } as const;
/** Stores that lose the version race to other collaboration servers this often give up writing. */
const MAX_STORE_ATTEMPTS = 10;

const toCollabArticle = (article: EditableArticle): CollabArticle => ({
  ...editableFieldsOf(article),
  leadImage: article.leadImage,
});

const savedMessage = (article: EditableArticle): CollabMessage => ({
  type: 'saved',
  version: article.version,
  hasUnpublishedChanges: article.hasUnpublishedChanges,
});

/**
 * Stored bytes with a headline and standfirst from before their Y.Texts moved into them, with
 * links (in the body or the related list) the validator now refuses (the page could not save
 * them), or with related titles that are no longer the ones to show. The upgrade writes the same
 * letters under the same ids wherever it runs, taking a link off changes no letter, and the
 * related list is repaired and relabelled alike wherever it is (a title mended twice is read
 * once), so doing all three on every load until the next store writes the result is harmless
 * (and so are two servers doing it at once).
 */
function upgraded(state: Uint8Array, article: EditableArticle): Uint8Array {
  const doc = decode(state);
  const textFieldsUpgraded = upgradeLegacyTextFields(doc);
  const linksRepaired = repairStoredLinks(doc);
  const relabelled = relabelRelated(doc, article.related);
  return textFieldsUpgraded || linksRepaired || relabelled ? encodeState(doc) : state;
}

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
      // As everyone on the staff may see it: every connection to the article reads the document.
      findEditableArticle(db, articleId),
      db.collabDocument.findUnique({ where: { articleId } }),
    ]);
    if (!article) return null;
    if (row && row.articleVersion === article.version) {
      remember(articleId, article);
      return upgraded(row.state, article);
    }
    const doc = row ? decode(row.state) : articleToYDoc(toCollabArticle(article));
    if (row) {
      upgradeLegacyTextFields(doc, WORKING_COPY_ORIGIN);
      applyArticle(doc, toCollabArticle(article), WORKING_COPY_ORIGIN);
    }
    // A working copy stored before a stricter link check: its next store would be refused.
    repairStoredLinks(doc, WORKING_COPY_ORIGIN);
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

  const articleExists = async (articleId: string) =>
    (await db.article.count({ where: { id: articleId } })) > 0;

  /**
   * Takes in what is stored: other collaboration servers store their own clients' edits, which
   * may not have reached this server through Redis yet. Merging them first makes every store
   * write the union of both, never an older state over a newer one. Applied as Hocuspocus's
   * "local" origin without store hooks: the merge itself schedules no store.
   */
  async function mergeStored(articleId: string, doc: Y.Doc): Promise<void> {
    const row = await db.collabDocument.findUnique({
      where: { articleId },
      select: { state: true },
    });
    if (row) Y.applyUpdate(doc, row.state, MERGED_FROM_STORE);
  }

  /**
   * Stores the bytes. The row's articleVersion says which working copy version the shared
   * document last wrote or took in; it only ever grows, since a lower one would make a later
   * store take another collaboration server's write for a change made outside.
   */
  async function storeBytes(articleId: string, doc: Y.Doc, articleVersion: number) {
    const state = encodeState(doc);
    try {
      await db.collabDocument.upsert({
        where: { articleId },
        create: { articleId, state, articleVersion },
        update: { state },
      });
    } catch (error) {
      // The draft was deleted (its row went with it): a page still open must not bring it back.
      if (isForeignKeyViolation(error)) return;
      throw error;
    }
    await db.collabDocument.updateMany({
      where: { articleId, articleVersion: { lt: articleVersion } },
      data: { articleVersion },
    });
  }

  /**
   * Takes the entries pointing at drafts deleted since out of the shared related list, as the
   * save would drop them from the working copy (editorial's withoutDeletedTargets): the bytes
   * and the JSON then agree, and everyone connected sees the list without them. Only those
   * entries go (found again inside the transaction: the list may have changed during the look-up),
   * so nothing anyone typed is touched. Without store hooks: the store under way writes it.
   */
  async function dropDeletedRelated(doc: Y.Doc, actor: Actor): Promise<void> {
    const related = readRelated(doc).map(toRelatedInput);
    const deleted = await deletedTargets(db, actor, related);
    if (deleted.size === 0) return;
    dropRelatedEntries(
      doc,
      (entry) => 'articleId' in entry && deleted.has(entry.articleId),
      MERGED_FROM_STORE,
    );
  }

  /** Takes a working copy changed outside into the shared document (everyone connected sees it). */
  async function takeWorkingCopy(articleId: string, doc: Y.Doc): Promise<CollabMessage | null> {
    const article = await findEditableArticle(db, articleId);
    if (!article || article.version === versions.get(articleId)) return null;
    await mergeStored(articleId, doc);
    applyArticle(doc, toCollabArticle(article), WORKING_COPY_ORIGIN);
    // A revision restored from before a stricter link check may hold links it now refuses.
    repairStoredLinks(doc, WORKING_COPY_ORIGIN);
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
    attempt = 1,
  ): Promise<CollabMessage | null> {
    const base = versions.get(articleId);
    if (base === undefined) return null;
    await mergeStored(articleId, doc);
    if (!context?.user || origin === WORKING_COPY_ORIGIN) {
      await storeBytes(articleId, doc, base);
      return null;
    }
    await dropDeletedRelated(doc, context.user);
    // The bytes and the JSON from one moment: the stored row then matches the content written.
    const state = encodeState(doc);
    const ours = yDocToArticle(doc);
    const { leadImage, ...article } = ours;
    let result;
    try {
      const shared = { ...article, leadImageId: leadImage?.id ?? null };
      result = await saveSharedArticle(db, context.user, articleId, shared, base, {
        alsoWrite: async (tx, version) => {
          await tx.collabDocument.upsert({
            where: { articleId },
            create: { articleId, state, articleVersion: version },
            update: { state, articleVersion: version },
          });
        },
      });
    } catch (error) {
      if (!(error instanceof EditorialError)) throw error;
      // Deleted (a draft) while open: nothing to write, and nobody left to tell but the pages
      // the rights sweep closes ("unknown-document").
      if (error.status === 404 && !(await articleExists(articleId))) return null;
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
    // Conflict: the working copy moved on since `base`. Written by another collaboration
    // server (it holds this same document, through Redis), or only its state changed
    // (published, scheduled)? Then write again on top of it, its stored edits merged in.
    // Otherwise its content changed outside (restore, discard, a REST save) and wins. The row is
    // read after the article: a collaboration write in between then counts as one, as it is.
    const current = result.current;
    const row = await db.collabDocument.findUnique({
      where: { articleId },
      select: { articleVersion: true, state: true },
    });
    const writtenByCollab = row !== null && row.articleVersion >= current.version;
    const currentContent = canonical(toCollabArticle(current));
    if (writtenByCollab && currentContent === canonical(ours)) {
      // Another server already wrote exactly this: nothing to add.
      remember(articleId, current);
      return savedMessage(current);
    }
    const sameContent =
      currentContent === contents.get(articleId) ||
      (row !== null && currentContent === canonical(yDocToArticle(decode(row.state))));
    if ((writtenByCollab || sameContent) && attempt < MAX_STORE_ATTEMPTS) {
      versions.set(articleId, current.version);
      contents.set(articleId, currentContent);
      return store(articleId, doc, context, origin, attempt + 1);
    }
    if (writtenByCollab || sameContent) {
      // Outpaced that often: keep the bytes; the next change writes the working copy.
      await storeBytes(articleId, doc, base);
      return null;
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
