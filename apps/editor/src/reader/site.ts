export const SITE_NAME = 'Newsroom';

/** The public base URL of the reader pages, for canonical links and structured data. */
export function siteUrl(): string {
  return process.env.EDITOR_URL || `http://localhost:${process.env.EDITOR_PORT || 3000}`;
}
