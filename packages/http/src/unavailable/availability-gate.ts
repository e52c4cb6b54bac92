import { errorBody } from '../errors/api-error';
import { UNAVAILABLE_MESSAGE } from '../errors/unavailable-message';
import { UNAVAILABLE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

// Pages cannot choose their status in Next.js: a page whose database query fails renders the
// error boundary with 500. So the first failure marks the database as down (from the apps'
// onRequestError hook and the API wrappers), and from then on the proxy answers every request
// 503 with Retry-After at once, while a probe checks the database about once a second and
// lifts the mark as soon as it answers again: recovery needs no restart.

type Gate = { down: boolean; probe?: () => Promise<unknown>; probing?: Promise<void> };

// On globalThis: the proxy, the route handlers and instrumentation are separate module copies
// (bundles) in one process, and must see the same mark.
const GATE_KEY = Symbol.for('newsroom.http.availabilityGate');
function gate(): Gate {
  const global = globalThis as typeof globalThis & { [GATE_KEY]?: Gate };
  global[GATE_KEY] ??= { down: false };
  return global[GATE_KEY];
}

/** How the gate checks that the database answers again (e.g. `SELECT 1`); set once at start-up. */
export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  gate().probe = probe;
}

export const PROBE_INTERVAL_MS = 1000;

/** Records a failure: when it means "database unreachable", the gate closes until a probe passes. */
export function noteDatabaseFailure(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const state = gate();
  state.down = true;
  state.probing ??= probeUntilBack(state).finally(() => {
    state.probing = undefined;
  });
  return true;
}

async function probeUntilBack(state: Gate): Promise<void> {
  while (state.down) {
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS).unref?.());
    if (!state.probe) continue;
    try {
      await state.probe();
      state.down = false;
    } catch {
      // Still unreachable: try again next interval.
    }
  }
}

export function isDatabaseMarkedDown(): boolean {
  return gate().down;
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title><meta name="robots" content="noindex">
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>
</head><body><main><h1>Temporarily unavailable</h1>
<p>We cannot reach our database right now. Nothing you saved is lost; please try again in a few seconds.</p>
<p><a href="">Try again</a></p></main></body></html>
`;

/**
 * While the database is marked down: the 503 answer for this request (the JSON error shape for
 * `/api/…`, a small HTML page otherwise), with Retry-After. Null when it is up.
 */
export function unavailableAnswer(pathname: string): Response | null {
  if (!gate().down) return null;
  const headers = {
    'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    'cache-control': 'no-store',
  };
  if (pathname.startsWith('/api/'))
    return Response.json(errorBody('unavailable', UNAVAILABLE_MESSAGE), { status: 503, headers });
  return new Response(UNAVAILABLE_PAGE, {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  });
}
