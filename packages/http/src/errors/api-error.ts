/** Field name → readable problem, for forms and API clients that show errors next to inputs. */
export type FieldErrors = Record<string, string>;

/** The field path of a problem with the request body as a whole (e.g. an array, not an object). */
export const WHOLE_BODY_PATH = '(body)';

/** The one error shape of every API of both apps. */
export type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors } };

/** The code of a 403: the caller is known but may not do this (a role, a key's scope). */
export const FORBIDDEN_CODE = 'forbidden';

/**
 * An error an API answers with its status and `{ error: { code, message, fields? } }`. Thrown
 * anywhere below a route wrapper (withStaff, withApiKey); the wrapper turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * By shape, not `instanceof`: the shortener's server.ts and its Next.js bundle each load their own
 * copy of this package, so an ApiError from one copy is not an instance of the other's class.
 */
export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof Error &&
    error.name === 'ApiError' &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** JSON answers of the APIs are about one user's data: never cached by the browser or a proxy. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function errorBody(code: string, message: string, fields?: FieldErrors): ErrorBody {
  return { error: { code, message, ...(fields && Object.keys(fields).length > 0 && { fields }) } };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: { fields?: FieldErrors; headers?: Record<string, string>; extra?: object } = {},
): Response {
  return jsonResponse(
    { ...errorBody(code, message, options.fields), ...options.extra },
    status,
    options.headers,
  );
}
