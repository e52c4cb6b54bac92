import { absoluteUrl } from '@newsroom/article';
import { ensureServiceApiKey, forgetServiceApiKey } from '@newsroom/auth';
import { getDb } from '@newsroom/db';
import { readerSiteUrl, shortenerSiteUrl } from '@newsroom/http';
import { apiErrorMessage } from '@newsroom/http/browser';

const REQUEST_TIMEOUT_MS = 5_000;

export class ShortenerUnavailableError extends Error {
  override name = 'ShortenerUnavailableError';
}

/** The public address of a reader-site path (an article's live path). */
export function articleUrl(path: string): string {
  return absoluteUrl(readerSiteUrl(), path);
}

const SERVICE_KEY_NAME = 'editor';

/** SHORTENER_API_KEY, set in production (instances on several machines). */
function configuredApiKey(): string | undefined {
  return process.env.SHORTENER_API_KEY?.trim() || undefined;
}

/**
 * SHORTENER_API_KEY when set; otherwise a key this machine provisions for itself in the shared
 * database and data folder (zero setup).
 */
async function apiKey(): Promise<string> {
  return configuredApiKey() ?? ensureServiceApiKey(getDb(), SERVICE_KEY_NAME);
}

/**
 * The article's canonical short link, created on first request. The shortener keeps one link per
 * article (unique articleId), so asking again, even concurrently, returns the same link. When the
 * shortener refuses the self-provisioned key (revoked by an operator), it is replaced once and
 * the request sent again; a configured SHORTENER_API_KEY is never replaced.
 */
export async function requestShortLink(input: { url: string; articleId: string }) {
  let response = await postLink(input);
  if (response.status === 401 && !configuredApiKey()) {
    forgetServiceApiKey(SERVICE_KEY_NAME);
    response = await postLink(input);
  }
  const body = (await response.json().catch(() => null)) as { shortUrl?: string } | null;
  if (!response.ok || typeof body?.shortUrl !== 'string') {
    throw new ShortenerUnavailableError(
      `The shortener answered ${response.status}: ${apiErrorMessage(body, response.status, 'no short URL')}`,
    );
  }
  return { shortUrl: body.shortUrl };
}

async function postLink(input: { url: string; articleId: string }): Promise<Response> {
  try {
    return await fetch(`${shortenerSiteUrl()}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiKey()}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ShortenerUnavailableError(`The shortener at ${shortenerSiteUrl()} did not answer`, {
      cause: error,
    });
  }
}
