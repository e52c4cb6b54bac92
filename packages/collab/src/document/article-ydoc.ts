import {
  getArticleSchema,
  normalizeFootnotes,
  type MarkerStyle,
  type RelatedLinkInput,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { textEdit } from './text-edit';
import { giveTextblocksText } from './textblock-text';

/**
 * The shape of an article's shared document. The body is the fragment the editor's
 * Collaboration extension binds to; the metadata sits beside it so everything co-edits.
 * Headline and standfirst are texts of their own (two people typing in one both keep their
 * letters), the other details plain values in a map (the last writer of a field wins), related
 * links an array (concurrent additions both stay).
 */
export const ARTICLE_YDOC = {
  body: 'body',
  meta: 'meta',
  related: 'related',
  title: 'title',
  standfirst: 'standfirst',
} as const;

/** The details held as plain values in the metadata map. */
export const META_FIELDS = ['slug', 'sectionId', 'markerStyle'] as const;
export type MetaField = (typeof META_FIELDS)[number];
/**
 * The fields typed in letter by letter: each a top-level Y.Text. Top-level, because a Y.Text
 * nested in the map would be created by whoever wrote first, and two people creating it at once
 * would each get their own, one of which the map drops with its letters; a top-level type
 * exists in every copy of the document from the start.
 */
export const TEXT_FIELDS = [ARTICLE_YDOC.title, ARTICLE_YDOC.standfirst] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** In the metadata map too: ISO, or '' for none. */
export const DATELINE_FIELD = 'publishedAt';
/**
 * In the metadata map too: '1' once someone typed the slug by hand; no page makes the slug follow
 * the headline after that. (A slug that differs from the headline's does not tell: with two
 * people typing in the headline, a page may hear of the other's letters before of their slug.)
 */
export const SLUG_BY_HAND_FIELD = 'slugByHand';
/** In the metadata map too: the lead image as JSON (what the page shows of it), or '' for none. */
export const LEAD_IMAGE_FIELD = 'leadImage';

/** The lead image as the edit page shows it; only `id` is stored in the working copy. */
export interface LeadImageValue {
  id: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** A related entry as the edit page shows it (internal links may carry their title and address). */
export type RelatedValue =
  RelatedLinkInput | { articleId: string; title?: string; href?: string | null };

/** What the shared document holds: the working copy minus what only publishing changes. */
export interface CollabArticle {
  title: string;
  slug: string;
  sectionId: string;
  standfirst: string;
  markerStyle: MarkerStyle;
  /** The dateline (ISO), or null until set or first published. */
  publishedAt: string | null;
  leadImage: LeadImageValue | null;
  body: JSONContent;
  related: RelatedValue[];
}

/** The stored form of a related entry. */
export const toRelatedInput = (entry: RelatedValue): RelatedLinkInput =>
  'articleId' in entry ? { articleId: entry.articleId } : { url: entry.url, title: entry.title };

/** One related entry's identity: the article it points to, or its address and title. */
export const relatedKey = (entry: RelatedValue): string =>
  'articleId' in entry ? `article ${entry.articleId}` : `url ${entry.url}\n${entry.title}`;

/**
 * The shared list without repeats, each entry where it first appears. Two people moving the same
 * link at once both take it out (one removal) and both put it back (two insertions); two adding
 * the same link add it twice. Every copy of the document orders the list alike, so every reader
 * keeps the same copy, and the next change to the list (updateRelated) drops the others.
 */
export function uniqueRelated<Entry extends RelatedValue>(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = relatedKey(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const bodyFragment = (doc: Y.Doc) => doc.getXmlFragment(ARTICLE_YDOC.body);
export const metaMap = (doc: Y.Doc) => doc.getMap<string>(ARTICLE_YDOC.meta);
/**
 * The shared related list as written: any client connected can put anything in it, so read it
 * with readRelated, which keeps only entries (isRelatedValue).
 */
export const relatedArray = (doc: Y.Doc) => doc.getArray<unknown>(ARTICLE_YDOC.related);

/**
 * Whether a value of the shared list is a related entry (an object naming an article or an
 * address). Pages only ever put those there; anything else (a number, null, a list) came from a
 * client that is not one of our pages, is read as nothing and taken out on the next load, so
 * that it can neither break every page nor stop the article from being stored.
 */
export function isRelatedValue(value: unknown): value is RelatedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ('articleId' in value || 'url' in value)
  );
}

/** The shared related list as every reader reads it: its entries, without repeats. */
export const readRelated = (doc: Y.Doc): RelatedValue[] =>
  uniqueRelated(relatedArray(doc).toArray().filter(isRelatedValue));

/**
 * Gives the shared list's internal entries the title and address `current` has for the same
 * article (the working copy as everyone on the staff may see it): a headline changed since, or
 * one that is a draft's own (a document stored before drafts' headlines stayed out of it). Which
 * entries there are, and their order, stay. Returns whether any changed.
 */
export function relabelRelated(
  doc: Y.Doc,
  current: readonly ({ articleId: string; title: string; href: string | null } | { url: string })[],
  origin?: unknown,
): boolean {
  const labels = new Map(
    current.flatMap((entry) => ('articleId' in entry ? [[entry.articleId, entry] as const] : [])),
  );
  const related = relatedArray(doc);
  let changed = false;
  doc.transact(() => {
    related.toArray().forEach((entry, index) => {
      if (!isRelatedValue(entry) || !('articleId' in entry)) return;
      const label = labels.get(entry.articleId);
      if (!label) return;
      const title = 'title' in entry ? entry.title : undefined;
      const href = 'href' in entry ? (entry.href ?? null) : null;
      if (title === label.title && href === label.href) return;
      related.delete(index, 1);
      related.insert(index, [{ articleId: entry.articleId, title: label.title, href: label.href }]);
      changed = true;
    });
  }, origin);
  return changed;
}

/**
 * Deletes the shared related entries `drop` picks, looked at inside the transaction (the list may
 * have changed since the caller last read it), so nothing else anyone put in the list is touched.
 * Returns whether any went.
 */
export function dropRelatedEntries(
  doc: Y.Doc,
  drop: (entry: RelatedValue) => boolean,
  origin?: unknown,
): boolean {
  const related = relatedArray(doc);
  let dropped = false;
  doc.transact(() => {
    const entries = related.toArray();
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index];
      if (!isRelatedValue(entry) || !drop(entry)) continue;
      related.delete(index, 1);
      dropped = true;
    }
  }, origin);
  return dropped;
}
export const textField = (doc: Y.Doc, field: TextField) => doc.getText(field);

/**
 * Whether the field's Y.Text was ever written (deleted letters stay in it as tombstones, so an
 * emptied field still counts). Documents from before the Y.Text held the field as a plain
 * value in the metadata map instead.
 */
const everWritten = (text: Y.Text) => text._start !== null;

/** The value a document from before the Y.Text holds in the metadata map, if any. */
function legacyValue(doc: Y.Doc, field: TextField): string | null {
  const value: unknown = metaMap(doc).get(field);
  return typeof value === 'string' ? value : null;
}

/**
 * A text field's value. The metadata map's old plain value counts only while the Y.Text was
 * never written (a document stored before the Y.Text, not yet upgraded): once it was, what an
 * old copy of the document (a browser's IndexedDB) still sets there is ignored.
 */
export function readTextField(doc: Y.Doc, field: TextField): string {
  const text = textField(doc, field);
  return everWritten(text) ? text.toString() : (legacyValue(doc, field) ?? '');
}

/** 32-bit FNV-1a: the same field and value give the same writer everywhere. */
function upgradeWriter(field: TextField, value: string): number {
  let hash = 0x811c9dc5;
  for (const letter of `${field}\n${value}`) {
    hash ^= letter.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Runs `write` in the current transaction as another writer. (Applying that writer's update
 * instead would mark the whole transaction as someone else's, and Yjs would then take the
 * page's own letters in it for another client's and change its client id.)
 */
function writeAs(doc: Y.Doc, writer: number, write: () => void) {
  const own = doc.clientID;
  doc.clientID = writer;
  try {
    write();
  } finally {
    doc.clientID = own;
  }
}

/**
 * Moves the old plain headline and standfirst of a document stored before the Y.Texts into them
 * (the server does it when loading such a document; the page before its first write). The
 * letters are written as a writer named after the field and value: two servers (or a server and
 * a page) upgrading the same document write the very same letters under the same ids, which Yjs
 * keeps once, so the headline is never doubled. Returns whether anything changed.
 */
export function upgradeLegacyTextFields(doc: Y.Doc, origin?: unknown): boolean {
  let changed = false;
  doc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const value = legacyValue(doc, field);
      if (value === null) continue;
      if (!everWritten(textField(doc, field)) && value)
        writeAs(doc, upgradeWriter(field, value), () => textField(doc, field).insert(0, value));
      metaMap(doc).delete(field);
      changed = true;
    }
  }, origin);
  return changed;
}

/**
 * Whether the document holds a text field only the old way (see upgradeLegacyTextFields): a
 * plain value in the map, its Y.Text never written.
 */
export const hasLegacyTextFields = (doc: Y.Doc) =>
  TEXT_FIELDS.some(
    (field) => legacyValue(doc, field) !== null && !everWritten(textField(doc, field)),
  );

/**
 * Writes a text field's new value as the smallest edit (one delete and one insert where the
 * values differ), so what someone else types elsewhere in the field at the same time stays.
 */
export function writeTextField(doc: Y.Doc, field: TextField, value: string): void {
  doc.transact(() => {
    if (!everWritten(textField(doc, field))) upgradeLegacyTextFields(doc);
    const text = textField(doc, field);
    const edit = textEdit(text.toString(), value);
    if (!edit) return;
    if (edit.remove) text.delete(edit.index, edit.remove);
    if (edit.insert) text.insert(edit.index, edit.insert);
  });
}

/** The metadata map's spelling of a lead image ('' for none). */
export const leadImageEntry = (image: LeadImageValue | null) =>
  image
    ? JSON.stringify({
        id: image.id,
        width: image.width,
        height: image.height,
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
      })
    : '';

/** The lead image the metadata map holds; anything unreadable counts as none. */
export function readLeadImage(doc: Y.Doc): LeadImageValue | null {
  const entry = metaMap(doc).get(LEAD_IMAGE_FIELD);
  if (!entry) return null;
  try {
    const value = JSON.parse(entry) as Partial<LeadImageValue>;
    return typeof value.id === 'string' ? (value as LeadImageValue) : null;
  } catch {
    return null;
  }
}

/** Fills an empty document from a stored working copy. Done once, on the server. */
export function writeArticleToYDoc(doc: Y.Doc, article: CollabArticle): void {
  doc.transact(() => {
    const fragment = bodyFragment(doc);
    if (fragment.length) fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(getArticleSchema(), article.body, fragment);
    giveTextblocksText(fragment, getArticleSchema());
    const meta = metaMap(doc);
    for (const field of META_FIELDS) meta.set(field, article[field]);
    for (const field of TEXT_FIELDS) writeTextField(doc, field, article[field]);
    meta.set(DATELINE_FIELD, article.publishedAt ?? '');
    meta.set(LEAD_IMAGE_FIELD, leadImageEntry(article.leadImage));
    const related = relatedArray(doc);
    if (related.length) related.delete(0, related.length);
    related.push(article.related.map((entry) => ({ ...entry })));
  });
}

export function articleToYDoc(article: CollabArticle): Y.Doc {
  const doc = new Y.Doc();
  writeArticleToYDoc(doc, article);
  return doc;
}

const EMPTY_BODY: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * An empty block as the editor writes it (`{ type: 'paragraph' }`): an empty block's text (see
 * giveTextblocksText) reads as `content: []`, which would spell the same article differently.
 */
function withoutEmptyContent(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const { content, ...rest } = node;
  return content.length ? { ...rest, content: content.map(withoutEmptyContent) } : rest;
}

/**
 * The JSON working copy of a shared document. Concurrent edits can leave footnotes out of
 * order, notes nobody references or a reference to a note someone deleted; markers are never
 * stored, so restoring the invariants here is all it takes.
 */
export function yDocToArticle(doc: Y.Doc): CollabArticle {
  const fragment = bodyFragment(doc);
  const json = fragment.length ? yXmlFragmentToProsemirrorJSON(fragment) : EMPTY_BODY;
  const body = normalizeFootnotes(withoutEmptyContent(json as JSONContent));
  const meta = metaMap(doc);
  const value = (field: MetaField) => String(meta.get(field) ?? '');
  return {
    title: readTextField(doc, 'title'),
    slug: value('slug'),
    sectionId: value('sectionId'),
    standfirst: readTextField(doc, 'standfirst'),
    markerStyle: value('markerStyle') === 'symbols' ? 'symbols' : 'numeric',
    publishedAt: String(meta.get(DATELINE_FIELD) ?? '') || null,
    leadImage: readLeadImage(doc),
    // Concurrent deletions can remove every block (the last one by two editors at once, or all
    // but a note list that loses its references): an article always has a paragraph to type in.
    body: body.content?.length ? body : EMPTY_BODY,
    related: readRelated(doc).map(toRelatedInput),
  };
}

/** The document's bytes, as stored (one update holding the whole state). */
export const encodeYDoc = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

export function decodeYDoc(bytes: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}
