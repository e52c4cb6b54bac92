import {
  altTextNeededMessage,
  emptyNotesMessage,
  listOf,
  type PasteNoticeCode,
} from '@newsroom/article';

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
  | 'emptyNotes';

export interface ImportNotice {
  code: ImportNoticeCode;
  message: string;
}

const images = (count: number) => (count === 1 ? '1 image was' : `${count} images were`);

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
};
