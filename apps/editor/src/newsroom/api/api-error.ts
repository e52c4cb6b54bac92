/**
 * `{ error: { code, message } }`: the error shape of the newer APIs (the shortener's, image
 * upload). `message` is a sentence for people, `code` is for programs.
 */
export function apiErrorResponse(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}
