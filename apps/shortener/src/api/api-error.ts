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

const LINK_ERROR_STATUS = { alias_taken: 409, not_found: 404, unknown_article: 400 } as const;

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
    const fields: Record<string, string> | undefined =
      error.code === 'alias_taken'
        ? { alias: error.message }
        : error.code === 'unknown_article'
          ? { articleId: error.message }
          : undefined;
    return errorResponse(
      new ApiError(LINK_ERROR_STATUS[error.code], error.code, error.message, fields),
    );
  }
  console.error(error);
  return errorResponse(
    new ApiError(500, 'internal_error', 'Something went wrong on our side; the error was logged.'),
  );
}
