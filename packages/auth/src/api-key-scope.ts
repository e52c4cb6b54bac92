import { isSafeMethod } from './origin/request-origin';

/**
 * What an API key may do. `read`: look only (GET of links, a link, its stats, CSV), for reporting
 * scripts and dashboards. `write`: everything, reading included.
 */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Keys made before scopes existed, and keys made without one, can do everything (as before). */
export const DEFAULT_API_KEY_SCOPE: ApiKeyScope = 'write';

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly unknown[]).includes(value);
}

/**
 * The scope a request needs, from its method alone: a reading method (GET, HEAD, OPTIONS) needs
 * `read`, anything else `write`. Decided here rather than declared per route so that a new route
 * that changes something is refused to read-only keys without anyone remembering to say so.
 */
export function scopeNeededFor(method: string): ApiKeyScope {
  return isSafeMethod(method) ? 'read' : 'write';
}

/**
 * Whether a key with `scope` (as stored) may do what needs `needed`. `write` includes `read`;
 * a stored value that is not a known scope allows nothing (fail closed).
 */
export function scopeAllows(scope: string, needed: ApiKeyScope): boolean {
  if (scope === 'write') return true;
  return scope === needed;
}
