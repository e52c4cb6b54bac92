import { getDb } from '@newsroom/db';
import { findLiveArticlePath } from '@newsroom/publishing';
import { FixedWindowLimiter } from '@newsroom/auth';
import { clientAddressFromHeaders } from '@newsroom/http';
import {
  ShortenerUnavailableError,
  articleUrl,
  requestShortLink,
} from '../../../../../src/short-links/shortener-client';

// Public (readers press the button), so limited per client: each call may create a link.
const limiter = new FixedWindowLimiter(30, 60_000);

function error(status: number, code: string, message: string, headers?: HeadersInit) {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** POST → `{ shortUrl }`: the canonical short link of a PUBLISHED article. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const limit = limiter.hit(clientAddressFromHeaders(request.headers));
  if (!limit.allowed) {
    return error(
      429,
      'rate_limited',
      `Too many requests; try again in ${limit.retryAfterSeconds} s.`,
      {
        'Retry-After': String(limit.retryAfterSeconds),
      },
    );
  }
  const { id } = await params;
  const livePath = await findLiveArticlePath(getDb(), id);
  if (!livePath) {
    return error(404, 'not_found', 'There is no published article with this id.');
  }
  try {
    // The shortener sends this link to the article's live URL of the moment (by article id);
    // the url given here is only where it was when the link was made.
    const { shortUrl } = await requestShortLink({ url: articleUrl(livePath), articleId: id });
    return Response.json({ shortUrl });
  } catch (cause) {
    if (!(cause instanceof ShortenerUnavailableError)) throw cause;
    console.error(cause);
    return error(
      502,
      'shortener_unavailable',
      'Short links are unavailable right now; please try again in a moment.',
    );
  }
}
