// The Next.js instrumentation hooks of both apps (each app's instrumentation.ts re-exports them),
// run once per server process.

/** How the availability gate checks that the database answers again after an outage. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ registerDatabaseProbe }, { getDb, probeDatabase }] = await Promise.all([
    import('@newsroom/http'),
    import('@newsroom/db'),
  ]);
  registerDatabaseProbe(() => probeDatabase(getDb()));
}

/**
 * A page or action failed: when the database is unreachable, close the gate so that the proxy
 * answers 503 with Retry-After until it is back (a page cannot choose its own status).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { noteDatabaseFailure } = await import('@newsroom/http');
  noteDatabaseFailure(error);
}
