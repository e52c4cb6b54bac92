import { errorBody } from '../errors/api-error';
import { UNAVAILABLE_MESSAGE } from '../errors/unavailable-message';
import { UNAVAILABLE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

// Pages cannot choose their status in Next.js: a page whose database query fails renders the
// error boundary with 500. So the first failure marks the database as down (from the apps'
// onRequestError hook and the API wrappers), and from then on the proxy answers every request
// 503 with Retry-After at once, while a probe checks the database about once a second and
// lifts the mark as soon as it answers: recovery needs no restart. The one request that meets
// the outage first is turned into the same 503 by the front server (server-error-gate.ts), which
// asks confirmDatabaseDown() before letting a 500 out.

type Gate = {
  down: boolean;
  probe?: () => Promise<unknown>;
  probing?: Promise<void>;
  /** One confirmation at a time: a burst of 500s costs one probe, not one each. */
  confirming?: Promise<boolean>;
};

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
  // Once per outage, so the operator learns why every answer is a 503 (not once per request).
  if (!state.down) console.error('Database unreachable; answering 503 until it is back:', error);
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
      console.error('Database reachable again; answering normally.');
    } catch {
      // Still unreachable: try again next interval.
    }
  }
}

export function isDatabaseMarkedDown(): boolean {
  return gate().down;
}

/** A probe that hangs (a black-holed server) counts as a failed one after this long. */
export const PROBE_TIMEOUT_MS = 3000;

/**
 * Asked when a request has just failed for reasons unknown (a page answered 500): is the database
 * unreachable right now? Already marked down: yes at once. Otherwise the probe runs once, and a
 * probe that fails the way an unreachable database does closes the gate. Without a probe
 * (nothing registered it), no.
 */
export function confirmDatabaseDown(): Promise<boolean> {
  const state = gate();
  if (state.down) return Promise.resolve(true);
  const probe = state.probe;
  if (!probe) return Promise.resolve(false);
  state.confirming ??= withTimeout(probe(), PROBE_TIMEOUT_MS)
    .then(
      () => false,
      (error: unknown) => noteDatabaseFailure(error),
    )
    .finally(() => {
      state.confirming = undefined;
    });
  return state.confirming;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(new Error(`The database did not answer within ${ms} ms`), {
            code: 'ETIMEDOUT',
          }),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title><meta name="robots" content="noindex">
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>
</head><body><main><h1>Temporarily unavailable</h1>
<p>We cannot reach our database right now. Nothing you saved is lost; please try again in a few seconds.</p>
<p><a href="">Try again</a></p></main></body></html>
`;

/** The 503 answer for a request to this path, whoever sends it (the proxy, a front server). */
export type UnavailableReply = { status: 503; headers: Record<string, string>; body: string };

/**
 * The 503 for a request while the database is unreachable: the JSON error shape for `/api/…`, a
 * small HTML page otherwise; always with Retry-After and never cached.
 */
export function unavailableReply(pathname: string): UnavailableReply {
  const headers = {
    'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    'cache-control': 'no-store',
  };
  if (pathname.startsWith('/api/'))
    return {
      status: 503,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(errorBody('unavailable', UNAVAILABLE_MESSAGE)),
    };
  return {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
    body: UNAVAILABLE_PAGE,
  };
}

/** While the database is marked down: the 503 answer for this request. Null when it is up. */
export function unavailableAnswer(pathname: string): Response | null {
  if (!gate().down) return null;
  const reply = unavailableReply(pathname);
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
