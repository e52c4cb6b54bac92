import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';

/**
 * Every textblock of the shared body (paragraph, heading, note) holds its Y.XmlText from the
 * moment it is created, even while empty.
 *
 * y-tiptap 3.0.9 writes an empty paragraph as an element without text, and the first letter
 * typed into it creates the text. Two people typing into one empty paragraph at the same moment
 * each create one, and the paragraph ends up holding two. Whoever next edits it (y-tiptap's diff
 * rewrites the first text to the whole paragraph and deletes the second), and the owner of the
 * second text on their next render (it moves its own trailing text into the first), both copy the
 * second text into the first: the other person's first letters show twice. With the text there
 * from the start, both people type into that one text, and nothing is copied.
 * (An emptied paragraph keeps its text: y-tiptap deletes only the text's content then.)
 */
export function giveTextblocksText(root: Y.XmlFragment | Y.XmlElement, schema: Schema): void {
  if (root instanceof Y.XmlElement) giveText(root, schema);
  for (const child of root.toArray())
    if (child instanceof Y.XmlElement) giveTextblocksText(child, schema);
}

/**
 * The same for what `transaction` changed: the blocks it created (with everything in them) and
 * the blocks it left without any content. Run inside the transaction, so the text is part of
 * the same update; typing (a change to a text alone) costs nothing here.
 */
export function giveNewTextblocksText(transaction: Y.Transaction, schema: Schema): void {
  const createdHere = (type: Y.XmlElement) =>
    type._item !== null &&
    type._item.id.clock >= (transaction.beforeState.get(type._item.id.client) ?? 0);
  for (const type of [...transaction.changed.keys()]) {
    if (!(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) continue;
    if (type._item?.deleted) continue;
    if (type instanceof Y.XmlElement) giveText(type, schema);
    for (const child of type.toArray())
      if (child instanceof Y.XmlElement && createdHere(child)) giveTextblocksText(child, schema);
  }
}

function giveText(element: Y.XmlElement, schema: Schema): void {
  if (element.length === 0 && schema.nodes[element.nodeName]?.isTextblock)
    element.insert(0, [new Y.XmlText()]);
}
