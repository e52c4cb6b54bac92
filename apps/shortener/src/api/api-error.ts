import { ApiError, toErrorResponse } from '@newsroom/http';
import { isLinkError, type LinkError } from '@newsroom/links';

export { ApiError };

const LINK_ERROR_STATUS = { alias_taken: 409, not_found: 404, unknown_article: 400 } as const;

function linkApiError(error: LinkError): ApiError {
  const fields: Record<string, string> | undefined =
    error.code === 'alias_taken'
      ? { alias: error.message }
      : error.code === 'unknown_article'
        ? { articleId: error.message }
        : undefined;
  return new ApiError(LINK_ERROR_STATUS[error.code], error.code, error.message, fields);
}

/**
 * Any failure of the link API in the one error shape (`@newsroom/http`): link errors with their
 * status, 503 while the database is unreachable, a logged 500 for the rest.
 */
export function errorResponse(error: unknown): Response {
  return toErrorResponse(isLinkError(error) ? linkApiError(error) : error);
}
