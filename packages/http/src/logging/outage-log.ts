/**
 * A logger for a failure that repeats while something is away (a store, a database): the first
 * occurrence, then at most one line per interval, not one per request or message.
 */
export function outageLog(
  message: string,
  { intervalMs = 60_000, now = Date.now, log = console.error } = {},
): (error: unknown) => void {
  let loggedAt = -Infinity;
  return (error) => {
    const time = now();
    if (time - loggedAt < intervalMs) return;
    loggedAt = time;
    log(message, error);
  };
}
