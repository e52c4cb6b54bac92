/** One day in milliseconds. The links count in UTC days, which have no daylight-saving changes. */
export const DAY_MS = 86_400_000;
