import type { ValidationError } from '@newsroom/article';

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** `{ error: "readable sentence", errors?: [{ path, message }] }` */
export function errorResponse(status: number, error: string, errors: ValidationError[] = []) {
  return json(errors.length ? { error, errors } : { error }, status);
}
