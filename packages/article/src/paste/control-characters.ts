import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { withoutControlCharacters } from '../validation/plain-text';

/**
 * A pasted slice without control characters in its text. A line break among them (Word's
 * U+000B) becomes a space here: inside a paragraph's text a newline would only show as one.
 */
export function sliceWithoutControlCharacters(slice: Slice): Slice {
  const content = fragmentWithoutControlCharacters(slice.content);
  return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
}

function fragmentWithoutControlCharacters(fragment: Fragment): Fragment {
  let changed = false;
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    const cleaned = nodeWithoutControlCharacters(node);
    if (cleaned !== node) changed = true;
    if (cleaned) nodes.push(cleaned);
  });
  return changed ? Fragment.fromArray(nodes) : fragment;
}

function nodeWithoutControlCharacters(node: ProseMirrorNode): ProseMirrorNode | null {
  if (node.isText) {
    const text = withoutControlCharacters(node.text ?? '').replace(/\n/g, ' ');
    if (text === node.text) return node;
    return text ? node.type.schema.text(text, node.marks) : null;
  }
  const content = fragmentWithoutControlCharacters(node.content);
  return content === node.content ? node : node.copy(content);
}
