import {
  DATELINE_FIELD,
  LEAD_IMAGE_FIELD,
  leadImageEntry,
  META_FIELDS,
  metaMap,
  readLeadImage,
  relatedArray,
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
    title: value('title'),
    slug: value('slug'),
    sectionId: value('sectionId'),
    standfirst: value('standfirst'),
    markerStyle: value('markerStyle') === 'symbols' ? 'symbols' : 'numeric',
    publishedAt: value(DATELINE_FIELD) || null,
    leadImage: readLeadImage(doc),
    related: relatedArray(doc).toArray() as RelatedEntry[],
  };
}

/** Writes changed fields into the shared document (one transaction: one update for everyone). */
export function writeSharedMeta(doc: Y.Doc, patch: Partial<DraftMeta>) {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const field of META_FIELDS) {
      const value = patch[field];
      if (value !== undefined && meta.get(field) !== value) meta.set(field, value);
    }
    if (patch.publishedAt !== undefined) meta.set(DATELINE_FIELD, patch.publishedAt ?? '');
    if (patch.leadImage !== undefined) meta.set(LEAD_IMAGE_FIELD, leadImageEntry(patch.leadImage));
    if (patch.related) {
      const related = relatedArray(doc);
      related.delete(0, related.length);
      related.push(patch.related.map((entry) => ({ ...entry })));
    }
  });
}

/** Calls `onChange` whenever any field changes, here or elsewhere. */
export function observeSharedMeta(doc: Y.Doc, onChange: () => void): () => void {
  const meta = metaMap(doc);
  const related = relatedArray(doc);
  meta.observe(onChange);
  related.observe(onChange);
  return () => {
    meta.unobserve(onChange);
    related.unobserve(onChange);
  };
}
