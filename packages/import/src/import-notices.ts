import { altTextNeededMessage, emptyNotesMessage, type PasteNoticeCode } from '@newsroom/article';

/** What an import tells the person doing it: the paste pipeline's notices, and its own. */
export type ImportNoticeCode =
  | PasteNoticeCode
  | 'imagesUnsupported'
  | 'imagesUnreadable'
  | 'imagesTooLarge'
  | 'imagesMissing'
  | 'imagesInNotes'
  | 'imagesNotStored'
  | 'altTextNeeded'
  | 'emptyNotes'
  | 'tablesFlattened'
  | 'formattingDropped';

export interface ImportNotice {
  code: ImportNoticeCode;
  message: string;
}

const tables = (count: number) => (count === 1 ? 'A table was' : `${count} tables were`);

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const images = (count: number) => (count === 1 ? '1 image was' : `${count} images were`);

/** "EMF, WMF and SVG" */
function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const importNotice = {
  unsupported: (count: number, types: readonly string[]): ImportNotice => ({
    code: 'imagesUnsupported',
    message: `${images(count)} left out: ${listOf(types)} images are not accepted (save them as PNG or JPEG and add them with + Image)`,
  }),
  unreadable: (count: number): ImportNotice => ({
    code: 'imagesUnreadable',
    message: `${images(count)} left out: the file could not be read as an image`,
  }),
  tooLarge: (count: number): ImportNotice => ({
    code: 'imagesTooLarge',
    message: `${images(count)} left out: too large (scale them down and add them with + Image)`,
  }),
  missing: (count: number): ImportNotice => ({
    code: 'imagesMissing',
    message: `${images(count)} left out: not inside the file (linked pictures are never fetched; for Google Docs, download the .zip web page)`,
  }),
  inNotes: (): ImportNotice => ({
    code: 'imagesInNotes',
    message: 'Pictures inside footnotes were left out: a note holds text only',
  }),
  notStored: (): ImportNotice => ({
    code: 'imagesNotStored',
    message: 'Images were left out: this conversion does not store pictures',
  }),
  altTextNeeded: (positions: readonly number[]): ImportNotice => ({
    code: 'altTextNeeded',
    message: altTextNeededMessage(positions),
  }),
  emptyNotes: (numbers: readonly number[]): ImportNotice => ({
    code: 'emptyNotes',
    message: emptyNotesMessage(numbers),
  }),
  tablesFlattened: (count: number): ImportNotice => ({
    code: 'tablesFlattened',
    message: `${tables(count)} imported as plain paragraphs, one per cell: an article has no tables`,
  }),
  formattingDropped: (kinds: readonly string[]): ImportNotice => ({
    code: 'formattingDropped',
    message: `${capitalized(listOf(kinds))} ${kinds.length === 1 ? 'was' : 'were'} not kept (the words were): an article's text has bold, italic and links only`,
  }),
};
