/** "Get short URL" requests per reader (client address) and minute, across every editor instance. */
export const SHORT_LINK_REQUESTS_PER_MINUTE = 30;
