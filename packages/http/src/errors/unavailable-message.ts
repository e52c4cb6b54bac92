export const UNAVAILABLE_MESSAGE =
  'The database is unreachable right now; nothing was changed. Try again in a few seconds.';
