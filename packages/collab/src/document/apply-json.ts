import { getArticleSchema } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { bodyFragment } from './article-ydoc';

/**
 * Brings a shared document's body to `body` with the smallest change y-tiptap can find (the same
 * diff the editor's binding makes), so concurrent edits elsewhere in the document survive.
 * Used where a whole new body arrives at once: restoring a revision, a REST save.
 */
export function applyBodyJson(doc: Y.Doc, body: JSONContent, origin?: unknown): void {
  const node = getArticleSchema().nodeFromJSON(body);
  doc.transact(() => {
    updateYFragment(doc, bodyFragment(doc), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
