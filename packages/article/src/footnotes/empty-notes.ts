import type { JSONContent } from '@tiptap/core';
import { describesSomething } from '../images/alt-text-needed';
import { numberNotes } from './number-notes';

const textOf = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join('');

/**
 * The numbers readers would see on notes with nothing to read (no letter, digit or sign: an
 * empty note from a .docx, or one emptied in the editor). Their marker would lead to an empty
 * line, which a screen reader announces as just "back to reference".
 */
export function emptyNoteNumbers(doc: JSONContent): number[] {
  return numberNotes(doc, 'numeric')
    .filter((note) => !describesSomething(note.content.map(textOf).join(' ')))
    .map((note) => note.number);
}

/** What publishing (and an import notice) says about them. */
export function emptyNotesMessage(numbers: readonly number[]): string {
  const one = numbers.length === 1;
  const list = one
    ? String(numbers[0])
    : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return `${one ? 'Note' : 'Notes'} ${list} ${one ? 'is' : 'are'} empty: write ${one ? 'it' : 'them'}, or delete ${one ? 'its marker' : 'their markers'}, before publishing`;
}
