import { isLinkError } from '@newsroom/links';

/** An error the API answers with `{ error: { code, message, fields? } }` and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const LINK_ERROR_STATUS = {
  alias_taken: 409,
  not_found: 404,
  unknown_article: 400,
  invalid_destination: 400,
} as const;

/** The field each link error is about, for `fields`. */
const LINK_ERROR_FIELD = {
  alias_taken: 'alias',
  unknown_article: 'articleId',
  invalid_destination: 'url',
  not_found: undefined,
} as const;

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields && { fields: error.fields }),
        },
      },
      { status: error.status, headers: error.headers },
    );
  }
  if (isLinkError(error)) {
    const field = LINK_ERROR_FIELD[error.code];
    // A destination made invalid by a change is a validation failure like any other.
    const code = error.code === 'invalid_destination' ? 'validation_failed' : error.code;
    return errorResponse(
      new ApiError(
        LINK_ERROR_STATUS[error.code],
        code,
        error.message,
        field && { [field]: error.message },
      ),
    );
  }
  console.error(error);
  return errorResponse(
    new ApiError(500, 'internal_error', 'Something went wrong on our side; the error was logged.'),
  );
}
