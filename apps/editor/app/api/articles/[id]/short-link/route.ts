import { getDb } from '@newsroom/db';
import { articlePath } from '@newsroom/article';
import {
  clientAddressFromHeaders,
  clientLimitKey,
  errorResponse,
  outageLog,
  shortenerSiteUrl,
  toErrorResponse,
} from '@newsroom/http';
import { findArticleLink, shortUrlOf } from '@newsroom/links';
import {
  isRateLimitStoreOutage,
  processSharedState,
  type RateLimiter,
} from '@newsroom/shared-state';
import {
  ShortenerUnavailableError,
  articleUrl,
  requestShortLink,
} from '../../../../../src/short-links/shortener-client';
import { SHORT_LINK_REQUESTS_PER_MINUTE } from '../../../../../src/short-links/limits';
import { shortUrlErrorPage, shortUrlPage } from '../../../../../src/short-links/short-url-page';

/**
 * Public (readers press the button), so limited per client, counted in the store every editor
 * instance shares: each call may create a link. Created on first use (the store opens then).
 */
let limiter: RateLimiter | undefined;
const shortLinkLimiter = () =>
  (limiter ??= processSharedState().rateLimiter({
    name: 'editor-short-link',
    points: SHORT_LINK_REQUESTS_PER_MINUTE,
    windowSeconds: 60,
  }));

const logLimiterDown = outageLog(
  'Short-link button: rate limit unavailable (answering without it):',
);

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The "Get short URL" form posted by the browser itself (no JavaScript yet, or none at all)
 * gets a page; scripts get JSON.
 */
function isPlainForm(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  return FORM_TYPES.includes(type);
}

function html(status: number, body: string, headers?: Record<string, string>) {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

function failure(
  request: Request,
  failed: { status: number; code: string; message: string; backPath?: string | null },
  headers?: Record<string, string>,
) {
  const { status, code, message, backPath = null } = failed;
  if (isPlainForm(request)) return html(status, shortUrlErrorPage(message, backPath), headers);
  return errorResponse(status, code, message, { headers });
}

/** POST → `{ shortUrl }` (or a page, for a plain form): the canonical short link of a PUBLISHED article. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return await shortLinkFor(request, context);
  } catch (cause) {
    // The one error shape; 503 with Retry-After while the database is unreachable.
    return toErrorResponse(cause);
  }
}

async function shortLinkFor(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const limit = await shortLinkLimiter()
    .consume(clientLimitKey(clientAddressFromHeaders(request.headers)))
    .catch((error: unknown) => {
      // Neither Redis nor the database it falls back on could count: answered without the
      // limit (an existing link is read from the database; a new one is made at most once per
      // published article), rather than a 500.
      if (isRateLimitStoreOutage(error)) {
        logLimiterDown(error);
        return { allowed: true, remaining: 0 } as const;
      }
      throw error;
    });
  if (!limit.allowed) {
    return failure(
      request,
      {
        status: 429,
        code: 'rate_limited',
        message: `Too many requests; try again in ${limit.retryAfterSeconds} s.`,
      },
      { 'Retry-After': String(limit.retryAfterSeconds) },
    );
  }
  const { id } = await params;
  const live = await getDb().articleLive.findUnique({
    where: { articleId: id },
    select: { title: true, slug: true, section: { select: { slug: true } } },
  });
  if (!live) {
    return failure(request, {
      status: 404,
      code: 'not_found',
      message: 'There is no published article with this id.',
    });
  }
  const livePath = articlePath(live);
  try {
    // The shortener sends this link to the article's live URL of the moment (by article id);
    // the url given here is only where it was when the link was made.
    // An article has one link for good: once made, it is read here, without asking the
    // shortener (which may be busy, or refuse a revoked key that only an operator can replace).
    const existing = await findArticleLink(getDb(), id);
    if (existing?.disabled) {
      // Staff turned it off (it answers 410): handing it out would have readers post a dead link.
      return failure(request, {
        status: 410,
        code: 'link_disabled',
        message: 'Sharing by short link is turned off for this article; share its address instead.',
        backPath: livePath,
      });
    }
    const { shortUrl } = existing
      ? { shortUrl: shortUrlOf(shortenerSiteUrl(), existing.code) }
      : await requestShortLink({ url: articleUrl(livePath), articleId: id });
    if (isPlainForm(request)) {
      return html(200, shortUrlPage({ shortUrl, title: live.title, articlePath: livePath }));
    }
    return Response.json({ shortUrl });
  } catch (cause) {
    if (!(cause instanceof ShortenerUnavailableError)) throw cause;
    console.error(cause);
    return failure(request, {
      status: 502,
      code: 'shortener_unavailable',
      message: 'Short links are unavailable right now; please try again in a moment.',
      backPath: livePath,
    });
  }
}
