import { EditorialError } from '@newsroom/editorial';
import { ApiError, isApiError, jsonResponse } from '@newsroom/http';
import {
  IMPORT_BUSY_RETRY_AFTER_SECONDS,
  isImportError,
  type ImportNotice,
} from '@newsroom/import';
import { editorialApiError } from '../api/with-staff';
import { articleEditPath, IMPORT_PAGE_PATH } from '../newsroom-paths';

/** A plain form post (no JavaScript yet) gets pages back; the enhanced form asks for JSON. */
export const wantsJson = (request: Request) =>
  (request.headers.get('accept') ?? '').includes('application/json');

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

export function importedResponse(
  request: Request,
  article: { id: string; title: string },
  notices: ImportNotice[],
): Response {
  if (!wantsJson(request)) return seeOther(articleEditPath(article.id));
  return jsonResponse({ article: { id: article.id, title: article.title }, notices }, 201);
}

/** Why an import failed, as the one API error (null: not a refusal, a fault). */
export function importFailure(error: unknown): ApiError | null {
  if (isImportError(error)) {
    const retryAfter =
      error.code === 'busy'
        ? { 'Retry-After': String(IMPORT_BUSY_RETRY_AFTER_SECONDS) }
        : undefined;
    return new ApiError(error.status, error.code, error.message, undefined, retryAfter);
  }
  if (error instanceof EditorialError) return editorialApiError(error);
  return isApiError(error) ? error : null;
}

/** The form page again, with the message (the JavaScript-less answer). */
export const importFailedRedirect = (failure: ApiError) =>
  seeOther(`${IMPORT_PAGE_PATH}?${new URLSearchParams({ importError: failure.message })}`);
