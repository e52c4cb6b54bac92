import {
  DATELINE_FIELD,
  LEAD_IMAGE_FIELD,
  leadImageEntry,
  META_FIELDS,
  metaMap,
  readLeadImage,
  readTextField,
  isRelatedValue,
  readRelated,
  relatedArray,
  relatedKey,
  SLUG_BY_HAND_FIELD,
  TEXT_FIELDS,
  textField,
  writeTextField,
  type MetaField,
} from '@newsroom/collab';
import type { RelatedEntry } from '@newsroom/editorial';
import type * as Y from 'yjs';
import type { DraftMeta } from '../editor/draft';

/** The edit page's fields as the shared document holds them. */
export function readSharedMeta(doc: Y.Doc): DraftMeta {
  const meta = metaMap(doc);
  const value = (field: MetaField | typeof DATELINE_FIELD) => String(meta.get(field) ?? '');
  return {
    title: readTextField(doc, 'title'),
    slug: value('slug'),
    sectionId: value('sectionId'),
    standfirst: readTextField(doc, 'standfirst'),
    markerStyle: value('markerStyle') === 'symbols' ? 'symbols' : 'numeric',
    publishedAt: value(DATELINE_FIELD) || null,
    leadImage: readLeadImage(doc),
    related: readRelated(doc) as RelatedEntry[],
  };
}

/**
 * Writes changed fields into the shared document (one transaction: one update for everyone).
 * Headline and standfirst arrive whole from their fields and go in as the smallest edit, so
 * someone typing elsewhere in the same field at the same moment keeps their letters.
 */
export function writeSharedMeta(doc: Y.Doc, patch: Partial<DraftMeta>) {
  doc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const value = patch[field];
      if (value !== undefined) writeTextField(doc, field, value);
    }
    const meta = metaMap(doc);
    for (const field of META_FIELDS) {
      const value = patch[field];
      if (value !== undefined && meta.get(field) !== value) meta.set(field, value);
    }
    if (patch.publishedAt !== undefined) meta.set(DATELINE_FIELD, patch.publishedAt ?? '');
    if (patch.leadImage !== undefined) meta.set(LEAD_IMAGE_FIELD, leadImageEntry(patch.leadImage));
    if (patch.related) updateRelated(relatedArray(doc), patch.related);
  });
}

/** Someone typed the slug by hand: from now on no page makes it follow the headline. */
export const markSlugTypedByHand = (doc: Y.Doc) => metaMap(doc).set(SLUG_BY_HAND_FIELD, '1');
export const slugTypedByHand = (doc: Y.Doc) => metaMap(doc).get(SLUG_BY_HAND_FIELD) === '1';

/**
 * Turns the shared list into `next` with the fewest changes: removed entries deleted, a moved one
 * taken out and put back at its place, new ones inserted. Rewriting the whole list made two
 * people's changes at once add up: two moves kept both copies of the list, and a move undid a
 * removal made meanwhile.
 */
export function updateRelated(related: Y.Array<unknown>, next: readonly RelatedEntry[]) {
  const wanted = next.map(relatedKey);
  for (let index = related.length - 1; index >= 0; index -= 1) {
    const entry = related.get(index);
    // What is no entry at all (see isRelatedValue) is never wanted.
    if (!isRelatedValue(entry) || !wanted.includes(relatedKey(entry))) related.delete(index, 1);
  }
  next.forEach((entry, index) => {
    const current = (related.toArray() as RelatedEntry[]).map(relatedKey);
    if (current[index] === wanted[index]) return;
    const from = current.indexOf(wanted[index]!, index);
    if (from !== -1) related.delete(from, 1);
    related.insert(index, [{ ...entry }]);
  });
  if (related.length > next.length) related.delete(next.length, related.length - next.length);
}

/** Calls `onChange` whenever any field changes, here or elsewhere. */
export function observeSharedMeta(doc: Y.Doc, onChange: () => void): () => void {
  const types = [
    metaMap(doc),
    relatedArray(doc),
    ...TEXT_FIELDS.map((field) => textField(doc, field)),
  ];
  for (const type of types) type.observe(onChange);
  return () => {
    for (const type of types) type.unobserve(onChange);
  };
}
