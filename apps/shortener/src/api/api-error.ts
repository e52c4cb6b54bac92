import { ApiError, toErrorResponse } from '@newsroom/http';
import { isLinkError, type LinkError } from '@newsroom/links';

export { ApiError };

const LINK_ERROR_STATUS = {
  alias_taken: 409,
  not_found: 404,
  unknown_article: 400,
  invalid_destination: 400,
  article_link: 409,
} as const;

/** The field each link error is about, for `fields`. */
const LINK_ERROR_FIELD = {
  alias_taken: 'alias',
  unknown_article: 'articleId',
  invalid_destination: 'url',
  not_found: undefined,
  article_link: undefined,
} as const;

function linkApiError(error: LinkError): ApiError {
  const field = LINK_ERROR_FIELD[error.code];
  // A destination made invalid by a change is a validation failure like any other.
  const code = error.code === 'invalid_destination' ? 'validation_failed' : error.code;
  return new ApiError(
    LINK_ERROR_STATUS[error.code],
    code,
    error.message,
    field && { [field]: error.message },
  );
}

/**
 * Any failure of the link API in the one error shape (`@newsroom/http`): link errors with their
 * status, 503 while the database is unreachable, a logged 500 for the rest.
 */
export function errorResponse(error: unknown): Response {
  return toErrorResponse(isLinkError(error) ? linkApiError(error) : error);
}
