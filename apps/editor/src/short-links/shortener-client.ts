import { absoluteUrl } from '@newsroom/article';
import { ensureServiceApiKey } from '@newsroom/auth';
import { getDb } from '@newsroom/db';

const REQUEST_TIMEOUT_MS = 5_000;

export class ShortenerUnavailableError extends Error {
  override name = 'ShortenerUnavailableError';
}

function shortenerUrl(): string {
  return (process.env.SHORTENER_URL?.trim() || 'http://localhost:3001').replace(/\/+$/, '');
}

/** The public address of a reader-site path (an article's live path). */
export function articleUrl(path: string): string {
  return absoluteUrl(process.env.EDITOR_URL?.trim() || 'http://localhost:3000', path);
}

/**
 * SHORTENER_API_KEY when set (production: instances on several machines); otherwise a key this
 * machine provisions for itself in the shared database and data folder (zero setup).
 */
async function apiKey(): Promise<string> {
  return process.env.SHORTENER_API_KEY?.trim() || ensureServiceApiKey(getDb(), 'editor');
}

/**
 * The article's canonical short link, created on first request. The shortener keeps one link per
 * article (unique articleId), so asking again, even concurrently, returns the same link.
 */
export async function requestShortLink(input: { url: string; articleId: string }) {
  let response: Response;
  try {
    response = await fetch(`${shortenerUrl()}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiKey()}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ShortenerUnavailableError(`The shortener at ${shortenerUrl()} did not answer`, {
      cause: error,
    });
  }
  const body = (await response.json().catch(() => null)) as {
    shortUrl?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || typeof body?.shortUrl !== 'string') {
    throw new ShortenerUnavailableError(
      `The shortener answered ${response.status}: ${body?.error?.message ?? 'no short URL'}`,
    );
  }
  return { shortUrl: body.shortUrl };
}
