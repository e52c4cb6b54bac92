import type { JSONContent } from '@tiptap/core';

/** Where to put an inline node: a textblock by child-index path, and an offset inside it. */
export interface InlinePosition {
  path: number[];
  /** Counted like ProseMirror: one per character, one per inline atom or hard break. */
  offset: number;
}

function inlineSize(node: JSONContent): number {
  return node.type === 'text' ? (node.text ?? '').length : 1;
}

function insertIntoTextblock(
  block: JSONContent,
  offset: number,
  inserted: JSONContent,
): JSONContent {
  const content: JSONContent[] = [];
  let remaining = offset;
  let placed = false;
  for (const child of block.content ?? []) {
    const size = inlineSize(child);
    if (!placed && remaining < size && child.type === 'text' && remaining > 0) {
      const text = child.text ?? '';
      content.push({ ...child, text: text.slice(0, remaining) }, inserted);
      content.push({ ...child, text: text.slice(remaining) });
      placed = true;
      continue;
    }
    if (!placed && remaining === 0) {
      content.push(inserted);
      placed = true;
    }
    content.push(child);
    remaining -= size;
  }
  if (!placed) content.push(inserted);
  return { ...block, content };
}

/** Returns a copy of `doc` with `inserted` placed at `at`; untouched subtrees are shared. */
export function insertInline(
  doc: JSONContent,
  at: InlinePosition,
  inserted: JSONContent,
): JSONContent {
  const [head, ...rest] = at.path;
  if (head === undefined) return insertIntoTextblock(doc, Math.max(0, at.offset), inserted);
  const children = doc.content ?? [];
  const child = children[head];
  if (!child) throw new RangeError(`no child at index ${head}`);
  const content = [...children];
  content[head] = insertInline(child, { path: rest, offset: at.offset }, inserted);
  return { ...doc, content };
}
