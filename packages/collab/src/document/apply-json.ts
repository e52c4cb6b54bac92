import { getArticleSchema, isSlugOfTitle } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import {
  bodyFragment,
  DATELINE_FIELD,
  LEAD_IMAGE_FIELD,
  leadImageEntry,
  META_FIELDS,
  metaMap,
  relatedArray,
  SLUG_BY_HAND_FIELD,
  TEXT_FIELDS,
  writeTextField,
  type CollabArticle,
} from './article-ydoc';
import { giveNewTextblocksText } from './textblock-text';

/**
 * Brings a shared document's body to `body` with the smallest change y-tiptap can find (the same
 * diff the editor's binding makes), so concurrent edits elsewhere in the document survive.
 * Used where a whole new body arrives at once: restoring a revision, a REST save.
 */
export function applyBodyJson(doc: Y.Doc, body: JSONContent, origin?: unknown): void {
  const schema = getArticleSchema();
  const node = schema.nodeFromJSON(body);
  doc.transact((transaction) => {
    updateYFragment(doc, bodyFragment(doc), node, { mapping: new Map(), isOMark: new Map() });
    giveNewTextblocksText(transaction, schema);
  }, origin);
}

/**
 * Makes a shared document equal to a working copy that changed outside it (a restored
 * revision, discarded changes): everyone connected sees the result as one remote edit.
 */
export function applyArticle(doc: Y.Doc, article: CollabArticle, origin?: unknown): void {
  doc.transact(() => {
    applyBodyJson(doc, article.body, origin);
    const meta = metaMap(doc);
    for (const field of META_FIELDS)
      if (meta.get(field) !== article[field]) meta.set(field, article[field]);
    // The smallest edit: what someone types elsewhere in the headline meanwhile stays.
    for (const field of TEXT_FIELDS) writeTextField(doc, field, article[field]);
    // A slug chosen outside (a REST save, a revision) that is not the headline's stays as it is.
    if (!isSlugOfTitle(article.slug, article.title) && meta.get(SLUG_BY_HAND_FIELD) !== '1')
      meta.set(SLUG_BY_HAND_FIELD, '1');
    if (meta.get(DATELINE_FIELD) !== (article.publishedAt ?? ''))
      meta.set(DATELINE_FIELD, article.publishedAt ?? '');
    const leadImage = leadImageEntry(article.leadImage);
    if ((meta.get(LEAD_IMAGE_FIELD) ?? '') !== leadImage) meta.set(LEAD_IMAGE_FIELD, leadImage);
    const related = relatedArray(doc);
    if (JSON.stringify(related.toArray()) !== JSON.stringify(article.related)) {
      related.delete(0, related.length);
      related.push(article.related.map((entry) => ({ ...entry })));
    }
  }, origin);
}
