/** Why a link operation was refused; the API maps each to an HTTP status and a readable message. */
export type LinkErrorCode =
  'alias_taken' | 'unknown_article' | 'not_found' | 'invalid_destination' | 'article_link';

/** Why an article's own link refuses an expiry (at creation and later). */
export const ARTICLE_LINK_EXPIRY =
  'This link belongs to an article and lives as long as the article: it cannot expire. Unpublish the article, or disable the link, to take it down.';

/**
 * Why an article's own link refuses UTM fields, another redirect type or no forwarding: it is
 * what readers share ("Get short URL"), so it goes to the article as it is, whoever made it.
 */
export const ARTICLE_LINK_SETTINGS =
  "This link belongs to an article and is the one readers share: it goes to the article as it is, passing the visitor's query on. UTM fields, the redirect type and forwarding cannot be set for it; make a link of your own to the article's address for a campaign.";

/** The settings an article's own link keeps as the newsroom made them. */
export const ARTICLE_LINK_FIXED_FIELDS = ['redirectType', 'forwardQuery'] as const;

export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

const LINK_ERROR_CODES: readonly string[] = [
  'alias_taken',
  'unknown_article',
  'not_found',
  'invalid_destination',
  'article_link',
];

/**
 * By shape, not `instanceof`: in the shortener, server.ts and the Next.js bundle each load their
 * own copy of this package while sharing one runtime, so a LinkError thrown by the runtime is not
 * an instance of the bundle's LinkError class.
 */
export function isLinkError(error: unknown): error is LinkError {
  return (
    error instanceof Error &&
    error.name === 'LinkError' &&
    LINK_ERROR_CODES.includes((error as { code?: string }).code ?? '')
  );
}
