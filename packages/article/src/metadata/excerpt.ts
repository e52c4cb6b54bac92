import type { JSONContent } from '@tiptap/core';
import { FOOTNOTES } from '../footnotes/names';

/** The longest description cut from a body: about what search results and social cards show. */
export const EXCERPT_MAX_LENGTH = 160;

/**
 * The body's opening words as plain text, to describe an article that has no standfirst (meta
 * description, social cards, feeds, JSON-LD): cut at a word boundary, with an ellipsis when cut.
 * The notes are left out, and so are the note markers and images, which have no text.
 */
export function bodyExcerpt(doc: JSONContent, maxLength = EXCERPT_MAX_LENGTH): string {
  const blocks: string[] = [];
  let length = 0;
  const visit = (node: JSONContent) => {
    if (length > maxLength || node.type === FOOTNOTES) return;
    const children = node.content ?? [];
    if (children.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
      const text = children
        .map((child) =>
          child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? ' ' : '',
        )
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) {
        blocks.push(text);
        length += text.length + 1;
      }
      return;
    }
    children.forEach(visit);
  };
  visit(doc);
  return cutAtWord(blocks.join(' '), maxLength);
}

function cutAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const room = text.slice(0, maxLength - 1);
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > 0 ? room.slice(0, lastSpace) : room).replace(/[\s,;:.–—-]+$/, '')}…`;
}
