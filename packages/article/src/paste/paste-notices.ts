/** Things a paste or an import could not carry over, told to the person doing it. */
export const PASTE_NOTICES = {
  footnotesNotCopied: 'Footnotes were not copied: import the .docx instead',
  notesMissing: 'Some notes were not on the clipboard; their markers were left out',
  notesInNote:
    'The pasted text’s own notes were left out: a note cannot hold notes. Paste it into the article text to keep them',
  imagesDropped:
    'Images were left out: pictures in copied text cannot be taken from the clipboard (Word and Google Docs give only their addresses); import the document instead, or add each with + Image',
} as const;

export type PasteNoticeCode = keyof typeof PASTE_NOTICES;

export interface PasteNotice {
  code: PasteNoticeCode;
  message: string;
}

export function pasteNotice(code: PasteNoticeCode): PasteNotice {
  return { code, message: PASTE_NOTICES[code] };
}

/** Collects notices once each, in the order they first happened. */
export class PasteNotices {
  private readonly seen = new Map<PasteNoticeCode, PasteNotice>();

  add(code: PasteNoticeCode): void {
    if (!this.seen.has(code)) this.seen.set(code, pasteNotice(code));
  }

  list(): PasteNotice[] {
    return [...this.seen.values()];
  }
}
