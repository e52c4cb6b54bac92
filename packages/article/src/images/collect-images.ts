import type { JSONContent } from '@tiptap/core';
import { IMAGE, type ImageAttributes } from './image';

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

/** The size each image node of a (validated) document gives its picture, in document order. */
export function collectImageSizes(
  doc: JSONContent,
): Pick<ImageAttributes, 'imageId' | 'width' | 'height'>[] {
  const sizes: Pick<ImageAttributes, 'imageId' | 'width' | 'height'>[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === IMAGE) {
      const { imageId, width, height } = node.attrs as ImageAttributes;
      sizes.push({ imageId, width, height });
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return sizes;
}
