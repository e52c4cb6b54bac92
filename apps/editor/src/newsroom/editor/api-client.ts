import type { ValidationError } from '@newsroom/article';
import { apiErrorCode, apiErrorMessage, apiFieldProblems } from '@newsroom/http/browser';
import type { EditableArticle, RevisionDetail, RevisionSummary } from '@newsroom/editorial';
import type { SaveOutcome } from '../autosave/autosave-controller';
import { articleApiPath } from '../newsroom-paths';
import { saveRequestOf, relatedInputOf, type ArticleDraft } from './draft';

type ApiAnswer = { status: number; data: Record<string, unknown> };

/** fetch + JSON; throws only when there was no answer at all (offline). */
async function call(method: string, url: string, body?: unknown): Promise<ApiAnswer> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, data };
}

function errorText(answer: ApiAnswer) {
  return apiErrorMessage(answer.data, answer.status);
}

export type ArticleActionResult =
  | { kind: 'saved'; article: EditableArticle }
  | { kind: 'conflict'; current: EditableArticle }
  | { kind: 'failed'; reason: string; code: string | null; errors: ValidationError[] };

function toActionResult(answer: ApiAnswer): ArticleActionResult {
  if (answer.status === 200)
    return { kind: 'saved', article: answer.data.article as EditableArticle };
  // A 409 carries `current` only when someone saved first; a taken slug is a 409 without it.
  if (answer.status === 409 && answer.data.current)
    return { kind: 'conflict', current: answer.data.current as EditableArticle };
  return {
    kind: 'failed',
    reason: errorText(answer),
    code: apiErrorCode(answer.data) ?? null,
    errors: apiFieldProblems(answer.data) satisfies ValidationError[],
  };
}

/**
 * One autosave request, as the autosave controller understands it. A 401 is retried like an
 * outage: logging in again in another tab lets the next retry through, with nothing lost.
 */
export async function saveDraft(
  articleId: string,
  draft: ArticleDraft,
  baseVersion: number,
  onAnswer: (result: ArticleActionResult) => void,
): Promise<SaveOutcome<EditableArticle>> {
  let answer: ApiAnswer;
  try {
    answer = await call('PUT', articleApiPath(articleId), saveRequestOf(draft, baseVersion));
  } catch {
    return { kind: 'offline' };
  }
  if (answer.status === 401)
    return { kind: 'error', reason: 'you are logged out; log in again in another tab' };
  // 503: the database is briefly unreachable; retried like an outage, with the server's words.
  if (answer.status === 503) return { kind: 'error', reason: errorText(answer) };
  if (answer.status >= 500) return { kind: 'error', reason: `server error (${answer.status})` };
  const result = toActionResult(answer);
  onAnswer(result);
  if (result.kind === 'saved') return { kind: 'saved', version: result.article.version };
  if (result.kind === 'conflict') return { kind: 'conflict', current: result.current };
  return { kind: 'rejected', reason: result.reason };
}

/** What the publishing panel can do; each is `POST /api/newsroom/articles/<id>/<action>`. */
export type PublishingAction = 'publish' | 'unpublish' | 'discard' | 'schedule' | 'unschedule';

export async function articleAction(
  articleId: string,
  action: PublishingAction,
  baseVersion: number,
  extra: Record<string, unknown> = {},
): Promise<ArticleActionResult> {
  try {
    return toActionResult(
      await call('POST', `${articleApiPath(articleId)}/${action}`, {
        ...extra,
        baseVersion,
      }),
    );
  } catch {
    return { kind: 'failed', reason: 'you are offline', code: null, errors: [] };
  }
}

export type DeleteDraftOutcome =
  { kind: 'deleted' } | Extract<ArticleActionResult, { kind: 'conflict' | 'failed' }>;

/** `DELETE /api/newsroom/articles/<id>`: deletes a draft that was never published. */
export async function deleteDraftRequest(
  articleId: string,
  baseVersion: number,
): Promise<DeleteDraftOutcome> {
  try {
    const answer = await call('DELETE', articleApiPath(articleId), { baseVersion });
    if (answer.status === 200) return { kind: 'deleted' };
    const result = toActionResult(answer);
    return result.kind === 'saved' ? { kind: 'deleted' } : result;
  } catch {
    return { kind: 'failed', reason: 'you are offline', code: null, errors: [] };
  }
}

export async function restoreRevisionRequest(
  articleId: string,
  revisionId: string,
  baseVersion: number,
): Promise<ArticleActionResult> {
  try {
    return toActionResult(
      await call('POST', `${articleApiPath(articleId)}/revisions/${revisionId}/restore`, {
        baseVersion,
      }),
    );
  } catch {
    return { kind: 'failed', reason: 'you are offline', code: null, errors: [] };
  }
}

/** The stored article (its publication state), or null when it cannot be read now. */
export async function fetchArticle(articleId: string): Promise<EditableArticle | null> {
  try {
    const answer = await call('GET', articleApiPath(articleId));
    return answer.status === 200 ? (answer.data.article as EditableArticle) : null;
  } catch {
    return null; // offline: the next look will tell
  }
}

export async function fetchRevisions(articleId: string): Promise<RevisionSummary[]> {
  const answer = await call('GET', `${articleApiPath(articleId)}/revisions`);
  if (answer.status !== 200) throw new Error(errorText(answer));
  return answer.data.revisions as RevisionSummary[];
}

export async function fetchRevision(articleId: string, revisionId: string) {
  const answer = await call('GET', `${articleApiPath(articleId)}/revisions/${revisionId}`);
  if (answer.status !== 200) throw new Error(errorText(answer));
  return answer.data as { revision: RevisionDetail; html: string };
}

/** The draft's body and related list as the reader renderer makes them. */
export async function renderDraft(draft: Pick<ArticleDraft, 'body' | 'markerStyle' | 'related'>) {
  const answer = await call('POST', '/api/newsroom/preview', {
    body: draft.body,
    markerStyle: draft.markerStyle,
    related: draft.related.map(relatedInputOf),
  });
  if (answer.status !== 200) throw new Error(errorText(answer));
  return answer.data.html as string;
}

/** The preview of a draft: body HTML and the lead image's figure (null without one). */
export async function renderPreview(draft: ArticleDraft) {
  const answer = await call('POST', '/api/newsroom/preview', {
    body: draft.body,
    markerStyle: draft.markerStyle,
    related: draft.related.map(relatedInputOf),
    leadImageId: draft.leadImage?.id ?? null,
  });
  if (answer.status !== 200) throw new Error(errorText(answer));
  return {
    html: answer.data.html as string,
    leadImageHtml: (answer.data.leadImageHtml as string | null) ?? null,
  };
}

export type PublishedMatch = { id: string; title: string; href: string; section: string };

export async function searchPublished(q: string, excludeId: string): Promise<PublishedMatch[]> {
  const params = new URLSearchParams({ q, exclude: excludeId });
  const answer = await call('GET', `/api/newsroom/related-search?${params}`);
  if (answer.status !== 200) throw new Error(errorText(answer));
  return answer.data.results as PublishedMatch[];
}
