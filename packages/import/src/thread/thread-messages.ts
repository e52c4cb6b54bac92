import { MediaError, isMediaError, type MediaErrorCode, type StoredImage } from '@newsroom/media';
import type { ImportedDocument, ImportInput, ImportOptions } from '../import-document';
import { ImportError, isImportError, type ImportErrorCode } from '../import-error';

/**
 * An error as it crosses between threads, and between the server's and Next's copies of this
 * package (each has its own error classes, and `instanceof` knows only its own): a refusal keeps
 * its kind and code, so that the import's answer (413, 415, 422) and the picture notices (a
 * refused picture is a notice, not a failure) are the same on either side.
 */
export type ThreadError =
  | { kind: 'import'; code: ImportErrorCode; message: string }
  | { kind: 'media'; code: MediaErrorCode; message: string }
  | { kind: 'fault'; message: string };

export function toThreadError(error: unknown): ThreadError {
  if (isImportError(error)) return { kind: 'import', code: error.code, message: error.message };
  if (isMediaError(error)) return { kind: 'media', code: error.code, message: error.message };
  return { kind: 'fault', message: error instanceof Error ? error.message : String(error) };
}

export function fromThreadError(error: ThreadError): Error {
  switch (error.kind) {
    case 'import':
      return new ImportError(error.code, error.message);
    case 'media':
      return new MediaError(error.code, error.message);
    default:
      return new Error(error.message);
  }
}

/** A picture the thread asks the server to store (through the upload pipeline). */
export type StoreImageRequest = Parameters<NonNullable<ImportOptions['storeImage']>>[0];

/** Plain data both ways: see ThreadError. */
export type StoreImageResult = { image: StoredImage } | { error: ThreadError };
export type ConversionResult = { document: ImportedDocument } | { error: ThreadError };

/** One document for the thread: the file, and how its pictures are stored (if they are). */
export interface ConversionRequest {
  input: ImportInput;
  /** Who sent the document (a user's id): one sender may hold only part of the line. */
  sender?: string;
  imageLimits?: ImportOptions['imageLimits'];
  storeImage?: (image: StoreImageRequest) => Promise<StoreImageResult>;
}

/** What the server sends the import thread. */
export type ToImportThread =
  | {
      type: 'convert';
      id: number;
      input: ImportInput;
      imageLimits?: ImportOptions['imageLimits'];
      /** Whether pictures are stored (each one asked for with `storeImage`) or left out. */
      storesImages: boolean;
    }
  | { type: 'imageStored'; call: number; result: StoreImageResult };

/** What the import thread sends back. */
export type FromImportThread =
  | { type: 'storeImage'; id: number; call: number; image: StoreImageRequest }
  | { type: 'converted'; id: number; result: ConversionResult };
