/** Why an import was refused, with the HTTP status an API answers. */
export const IMPORT_ERRORS = {
  unsupported_type: 415,
  too_large: 413,
  corrupt: 422,
  empty: 422,
  invalid_document: 422,
} as const;

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
