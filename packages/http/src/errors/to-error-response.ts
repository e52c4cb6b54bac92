import { noteDatabaseFailure } from '../unavailable/availability-gate';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../unavailable/database-unavailable';
import { errorResponse, isApiError } from './api-error';
import { UNAVAILABLE_MESSAGE } from './unavailable-message';

export { UNAVAILABLE_MESSAGE };

/** 503 `unavailable` with Retry-After: what every API answers while the database is down. */
export function unavailableResponse(): Response {
  return errorResponse(503, 'unavailable', UNAVAILABLE_MESSAGE, {
    headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  });
}

/**
 * The last step of every API wrapper: an ApiError becomes its status and message, an unreachable
 * database 503, anything else a logged 500 whose body says nothing about the internals.
 */
export function toErrorResponse(
  error: unknown,
  log: (error: unknown) => void = console.error,
): Response {
  if (isApiError(error))
    return errorResponse(error.status, error.code, error.message, {
      fields: error.fields,
      headers: error.headers,
    });
  // Also closes the availability gate, so pages answer 503 too until the database is back.
  if (noteDatabaseFailure(error)) return unavailableResponse();
  log(error);
  return errorResponse(
    500,
    'internal_error',
    'Something went wrong on our side; the error was logged.',
  );
}
