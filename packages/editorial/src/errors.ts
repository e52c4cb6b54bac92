import type { ValidationError } from '@newsroom/article';
import { WHOLE_BODY_PATH } from '@newsroom/http';

export type EditorialErrorStatus = 400 | 403 | 404 | 409 | 422;

/** The machine-readable side of an error (`{ error: { code, message } }` in the APIs). */
export type EditorialErrorCode =
  | 'bad_request'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation_failed'
  | 'slug_taken'
  | 'publish_time_past'
  | 'publish_time_too_far'
  | 'not_ready'
  | 'not_live'
  | 'not_scheduled'
  | 'scheduled'
  | 'was_published';

const CODE_OF_STATUS: Record<EditorialErrorStatus, EditorialErrorCode> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
};

/**
 * Failures a caller can show to a person. Each carries the HTTP status an API should answer
 * with and a code, so route handlers map them without knowing every case.
 */
export class EditorialError extends Error {
  readonly code: EditorialErrorCode;

  constructor(
    readonly status: EditorialErrorStatus,
    message: string,
    readonly errors: ValidationError[] = [],
    code?: EditorialErrorCode,
  ) {
    super(message);
    this.name = 'EditorialError';
    this.code = code ?? CODE_OF_STATUS[status];
  }
}

/**
 * A schema's issues as field errors. An issue with the input as a whole (an array or a string
 * where an object belongs) has an empty path: it is named as the body, so that no message
 * starts with ": " and no field is called "".
 */
export function validationErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ValidationError[] {
  return issues.map((issue) => ({
    path: issue.path.join('.') || WHOLE_BODY_PATH,
    message: issue.message,
  }));
}

export const notFound = (what: string) => new EditorialError(404, `${what} was not found`);
export const forbidden = (message: string) => new EditorialError(403, message);
export const invalid = (errors: ValidationError[], code?: EditorialErrorCode) =>
  new EditorialError(
    422,
    errors.map((error) => `${error.path}: ${error.message}`).join('; '),
    errors,
    code,
  );

/** The slug is another article's, now or in its URL history (old links must keep working). */
export const SLUG_TAKEN: ValidationError = {
  path: 'slug',
  message:
    'another article uses or has used this slug, and its old links must keep working: choose another',
};

/** Unpublish and Discard act on the live version: an article that is not live has none. */
export const notLive = (consequence: string) =>
  new EditorialError(409, `The article is not live: ${consequence}`, [], 'not_live');

export const slugTaken = () =>
  new EditorialError(409, SLUG_TAKEN.message, [SLUG_TAKEN], 'slug_taken');
