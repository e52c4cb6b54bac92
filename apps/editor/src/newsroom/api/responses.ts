import type { ValidationError } from '@newsroom/article';

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  500: 'server_error',
};

/**
 * `{ error: { code, message }, errors?: [{ path, message }] }`: the message is a readable
 * sentence for people, the code is for programs, `errors` names each bad field.
 */
export function errorResponse(
  status: number,
  message: string,
  errors: ValidationError[] = [],
  code = CODE_OF_STATUS[status] ?? 'error',
) {
  const error = { code, message };
  return json(errors.length ? { error, errors } : { error }, status);
}
