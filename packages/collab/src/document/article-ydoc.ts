import {
  getArticleSchema,
  normalizeFootnotes,
  type MarkerStyle,
  type RelatedLinkInput,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { giveTextblocksText } from './textblock-text';

/**
 * The shape of an article's shared document. The body is the fragment the editor's
 * Collaboration extension binds to; the metadata sits beside it so everything co-edits.
 * Headline and standfirst are plain values (the last writer of a field wins), related links an
 * array (concurrent additions both stay).
 */
export const ARTICLE_YDOC = {
  body: 'body',
  meta: 'meta',
  related: 'related',
} as const;

export const META_FIELDS = ['title', 'slug', 'sectionId', 'standfirst', 'markerStyle'] as const;
export type MetaField = (typeof META_FIELDS)[number];
/** In the metadata map too: ISO, or '' for none. */
export const DATELINE_FIELD = 'publishedAt';
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

export const bodyFragment = (doc: Y.Doc) => doc.getXmlFragment(ARTICLE_YDOC.body);
export const metaMap = (doc: Y.Doc) => doc.getMap<string>(ARTICLE_YDOC.meta);
export const relatedArray = (doc: Y.Doc) => doc.getArray<RelatedValue>(ARTICLE_YDOC.related);

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
    title: value('title'),
    slug: value('slug'),
    sectionId: value('sectionId'),
    standfirst: value('standfirst'),
    markerStyle: value('markerStyle') === 'symbols' ? 'symbols' : 'numeric',
    publishedAt: String(meta.get(DATELINE_FIELD) ?? '') || null,
    leadImage: readLeadImage(doc),
    // Concurrent deletions can remove every block (the last one by two editors at once, or all
    // but a note list that loses its references): an article always has a paragraph to type in.
    body: body.content?.length ? body : EMPTY_BODY,
    related: relatedArray(doc).toArray().map(toRelatedInput),
  };
}

/** The document's bytes, as stored (one update holding the whole state). */
export const encodeYDoc = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

export function decodeYDoc(bytes: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}
