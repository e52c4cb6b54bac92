import type { JSONContent } from '@tiptap/core';
import { IMAGE } from './image';

/** The stored image ids a document shows, in document order, each once. */
export function collectImageIds(doc: JSONContent): string[] {
  const ids = new Set<string>();
  const visit = (node: JSONContent) => {
    if (node.type === IMAGE && typeof node.attrs?.imageId === 'string') ids.add(node.attrs.imageId);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...ids];
}
