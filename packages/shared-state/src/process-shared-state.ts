import { getDb } from '@newsroom/db';
import { openSharedState, type SharedState } from './shared-state';

// On globalThis: an app's server.ts and its Next.js bundle are two module copies in one process,
// and Next.js dev re-evaluates modules; all must count in the same limiters and hear one feed.
const SHARED_STATE_KEY = Symbol.for('newsroom.sharedState');
type GlobalWithState = typeof globalThis & { [SHARED_STATE_KEY]?: SharedState };

/** The process's shared state (Redis when REDIS_URL is set, else the database), opened once. */
export function processSharedState(): SharedState {
  const global = globalThis as GlobalWithState;
  global[SHARED_STATE_KEY] ??= openSharedState({ db: getDb() });
  return global[SHARED_STATE_KEY];
}
