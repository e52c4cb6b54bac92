/** Things a paste or an import could not carry over, told to the person doing it. */
export const PASTE_NOTICES = {
  footnotesNotCopied: 'Footnotes were not copied: import the .docx instead',
  notesMissing: 'Some notes were not on the clipboard; their markers were left out',
  notesInNote:
    'The pasted text’s own notes were left out: a note cannot hold notes. Paste it into the article text to keep them',
  imagesDropped:
    'Images were left out: pictures in copied text cannot be taken from the clipboard (Word and Google Docs give only their addresses); import the document instead, or add each with + Image',
  deletionsDropped:
    'Tracked changes: deleted text was left out and inserted text kept, as the document reads with all changes accepted',
  commentsDropped: (count: number) =>
    `${count === 1 ? '1 comment was' : `${count} comments were`} left out: comments are not article text`,
  notesOfAnotherArticle: (count: number) =>
    count === 1
      ? '1 footnote was not copied: its note belongs to another article'
      : `${count} footnotes were not copied: their notes belong to another article`,
  hiddenTextDropped: 'Hidden text was left out: it is not shown in the document either',
  linksDropped: (count: number) =>
    `${count === 1 ? 'A link was not kept (its words were): its address' : `${count} links were not kept (their words were): their addresses`} could not be stored as written (a space, an invisible character, a user name, a stray "%" or not a web address)`,
  tablesFlattened: (count: number) =>
    `${count === 1 ? 'A table was' : `${count} tables were`} turned into plain paragraphs, one per cell: an article has no tables`,
} as const;

/** The notices above, and `formattingDropped`, which names the kinds of formatting that went. */
export type PasteNoticeCode = keyof typeof PASTE_NOTICES | 'formattingDropped';

/** "EMF, WMF and SVG" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "Underline and superscript were not kept (the words were): …" */
export function formattingDroppedNotice(kinds: readonly string[]): PasteNotice {
  return {
    code: 'formattingDropped',
    message: `${capitalized(listOf(kinds))} ${kinds.length === 1 ? 'was' : 'were'} not kept (the words were): an article's text has bold, italic and links only`,
  };
}

export interface PasteNotice {
  code: PasteNoticeCode;
  message: string;
}

/** The notice for `code`; `count` is for the notices that say how many (e.g. comments). */
export function pasteNotice(code: keyof typeof PASTE_NOTICES, count = 1): PasteNotice {
  const wording = PASTE_NOTICES[code];
  return { code, message: typeof wording === 'function' ? wording(count) : wording };
}

/** Collects notices once each, in the order they first happened, adding up their counts. */
export class PasteNotices {
  private readonly counts = new Map<keyof typeof PASTE_NOTICES, number>();

  add(code: keyof typeof PASTE_NOTICES, count = 1): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + count);
  }

  list(): PasteNotice[] {
    return [...this.counts].map(([code, count]) => pasteNotice(code, count));
  }
}
