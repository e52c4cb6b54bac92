/** Why an import was refused, with the HTTP status an API answers. */
export const IMPORT_ERRORS = {
  unsupported_type: 415,
  too_large: 413,
  too_many_images: 413,
  corrupt: 422,
  empty: 422,
  invalid_document: 422,
  /** Others' documents fill the import thread's turn (see createImportThread): try again soon. */
  busy: 503,
} as const;

/** How long a `busy` answer asks the client to wait before sending the document again. */
export const IMPORT_BUSY_RETRY_AFTER_SECONDS = 30;

export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

export class ImportError extends Error {
  readonly status: (typeof IMPORT_ERRORS)[ImportErrorCode];

  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
    this.status = IMPORT_ERRORS[code];
  }
}

export const isImportError = (error: unknown): error is ImportError => error instanceof ImportError;
