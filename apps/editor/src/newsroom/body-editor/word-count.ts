import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** Reading speed for news copy; one place, so the editor and anything else agree. */
export const WORDS_PER_MINUTE = 230;

// A word: letters or digits, joined by an apostrophe, hyphen or dot inside it ("don't",
// "co-operate", "3.5"). Punctuation, markers and spaces are not words.
const WORD = /[\p{L}\p{N}]+(?:['’.\-‐][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count += 1;
  return count;
}

/** Whole minutes, at least one for any text at all. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Words between two document positions; blocks and atoms count as spaces, never glue words. */
export function countWordsIn(doc: ProseMirrorNode, from = 0, to = doc.content.size): number {
  return countWords(doc.textBetween(from, to, '\n', ' '));
}

// ProseMirror nodes are immutable and an edit keeps every untouched node object, so counts can
// be remembered per node: after a keystroke only the changed paragraph is counted again.
const wordsPerNode = new WeakMap<ProseMirrorNode, number>();

/** Words of a whole document, counting only blocks that changed since the last call. */
export function countDocumentWords(doc: ProseMirrorNode): number {
  let total = 0;
  doc.forEach((block) => {
    let words = wordsPerNode.get(block);
    if (words === undefined) {
      // The notes block holds many notes: count them one by one, so editing one is cheap too.
      words = block.isTextblock || block.isAtom ? countWordsIn(block) : countDocumentWords(block);
      wordsPerNode.set(block, words);
    }
    total += words;
  });
  return total;
}

export function describeCount(words: number): string {
  const minutes = readingMinutes(words);
  const wordText = `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}`;
  return minutes === 0 ? wordText : `${wordText} · ${minutes} min read`;
}
