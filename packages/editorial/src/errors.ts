import type { ValidationError } from '@newsroom/article';

/**
 * Failures a caller can show to a person. Each carries the HTTP status an API should answer
 * with, so route handlers map them without knowing every case.
 */
export class EditorialError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    readonly errors: ValidationError[] = [],
  ) {
    super(message);
    this.name = 'EditorialError';
  }
}

export const notFound = (what: string) => new EditorialError(404, `${what} was not found`);
export const forbidden = (message: string) => new EditorialError(403, message);
export const invalid = (errors: ValidationError[]) =>
  new EditorialError(
    422,
    errors.map((error) => `${error.path}: ${error.message}`).join('; '),
    errors,
  );
