export const SITE_NAME = 'Newsroom';

/** The public base URL of the reader pages, for canonical links and structured data. */
export { readerSiteUrl as siteUrl } from '@newsroom/http';
