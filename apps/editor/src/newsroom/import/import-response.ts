import type { PasteNotice } from '@newsroom/article';
import { EditorialError } from '@newsroom/editorial';
import { isImportError } from '@newsroom/import';
import { articleEditPath, IMPORT_PAGE_PATH } from './import-paths';

/** A plain form post (no JavaScript) gets pages back; the enhanced form asks for JSON. */
export const wantsJson = (request: Request) =>
  (request.headers.get('accept') ?? '').includes('application/json');

const noStore = { 'cache-control': 'no-store' };

export function importedResponse(
  request: Request,
  article: { id: string; title: string },
  notices: PasteNotice[],
): Response {
  if (!wantsJson(request))
    return new Response(null, {
      status: 303,
      headers: { location: articleEditPath(article.id), ...noStore },
    });
  return Response.json(
    { article: { id: article.id, title: article.title }, notices },
    { status: 201, headers: noStore },
  );
}

/** `{ error: { code, message } }` with the import's status; anything else is not ours to answer. */
export function importFailedResponse(request: Request, error: unknown): Response | null {
  const failure = isImportError(error)
    ? { status: error.status, code: error.code, message: error.message }
    : error instanceof EditorialError
      ? { status: error.status, code: 'invalid_article', message: error.message }
      : null;
  if (!failure) return null;
  if (!wantsJson(request))
    return new Response(null, {
      status: 303,
      headers: {
        location: `${IMPORT_PAGE_PATH}?${new URLSearchParams({ importError: failure.message })}`,
        ...noStore,
      },
    });
  return Response.json(
    { error: { code: failure.code, message: failure.message } },
    { status: failure.status, headers: noStore },
  );
}
