import type { ZodType } from 'zod';
import type { ApiKey } from '@newsroom/db';
import { bearerToken, scopeAllows, scopeNeededFor, verifyApiKey } from '@newsroom/auth';
import { fieldErrors, getShortenerRuntime, type ShortenerRuntime } from '@newsroom/links';
import { FORBIDDEN_CODE, readJsonBody, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@newsroom/http';
import { isRateLimitStoreOutage, type RateLimiter } from '@newsroom/shared-state';
import { ApiError, errorResponse } from './api-error';

/** A link body is a URL (≤ 2,048 characters) and a few fields: 64 KB is plenty. */
const LINK_BODY_LIMIT_BYTES = 64 * 1024;

export type ApiContext<Params, Body, Query> = {
  request: Request;
  params: Params;
  body: Body;
  query: Query;
  apiKey: ApiKey;
  runtime: ShortenerRuntime;
};

export type ApiOptions<Body, Query> = {
  /** Validates the JSON body; the handler gets the parsed value. */
  schema?: ZodType<Body>;
  /** Validates the query string (as an object of strings). */
  query?: ZodType<Query>;
  /** Counts each request against this limiter (shared by all instances), per API key. */
  limiter?: (runtime: ShortenerRuntime) => RateLimiter;
};

type RouteContext<Params> = { params: Promise<Params> };

/**
 * One wrapper for every JSON API route (modelled on dub's withWorkspace): API key from
 * `Authorization: Bearer`, its scope (403 for a read-only key on anything but a read, before the
 * body is read or a rate limit counted), rate limit, the JSON body through @newsroom/http (415 unless
 * application/json, 413 past the limit, 400 for invalid UTF-8, JSON or lone surrogates),
 * validation of body and query, and errors as `{ error: { code, message, fields? } }` (503 with
 * Retry-After while the database is unreachable).
 */
export function withApiKey<Params = Record<string, never>, Body = undefined, Query = undefined>(
  handler: (context: ApiContext<Params, Body, Query>) => Promise<Response>,
  options: ApiOptions<Body, Query> = {},
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const runtime = getShortenerRuntime();
      const apiKey = await authenticate(request, runtime);
      enforceScope(request, apiKey);
      if (options.limiter) await enforceLimit(options.limiter(runtime), apiKey);
      const body = options.schema
        ? parse(options.schema, await readJsonBody(request, { maxBytes: LINK_BODY_LIMIT_BYTES }))
        : (undefined as Body);
      const query = options.query
        ? parse(options.query, Object.fromEntries(new URL(request.url).searchParams))
        : (undefined as Query);
      const params = await context.params;
      return await handler({ request, params, body, query, apiKey, runtime });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authenticate(request: Request, runtime: ShortenerRuntime): Promise<ApiKey> {
  const token = bearerToken(request.headers.get('authorization'));
  const apiKey = token ? await verifyApiKey(runtime.db, token) : null;
  if (apiKey) return apiKey;
  throw new ApiError(
    401,
    'unauthorized',
    token
      ? 'This API key is unknown or has been revoked.'
      : 'Send an API key as "Authorization: Bearer <key>" (create one with npm run apikey:create).',
    undefined,
    { 'WWW-Authenticate': 'Bearer' },
  );
}

/**
 * The scope comes from the method (GET reads, everything else writes), not from each route: a
 * route added later that changes links is closed to read-only keys without declaring anything.
 */
function enforceScope(request: Request, apiKey: ApiKey) {
  const needed = scopeNeededFor(request.method);
  if (scopeAllows(apiKey.scope, needed)) return;
  const path = new URL(request.url).pathname;
  const message =
    apiKey.scope === 'read'
      ? `This API key can only read: ${request.method} ${path} changes links and needs a key with the write scope (npm run apikey:create -- --name <name>); nothing was changed.`
      : `This API key has the unknown scope "${apiKey.scope}" and may do nothing; create a new key (npm run apikey:create).`;
  throw new ApiError(403, FORBIDDEN_CODE, message);
}

const RATE_LIMIT_STORE_DOWN_MESSAGE =
  'Links cannot be created for a moment: the store that counts requests per key is unreachable. Try again shortly; nothing was changed.';

async function enforceLimit(limiter: RateLimiter, apiKey: ApiKey) {
  const result = await limiter.consume(apiKey.id).catch((error: unknown) => {
    // Neither Redis nor the database it falls back on could count (rare: the database's own
    // outage is answered 503 by errorResponse like any other): refused for now, not unlimited.
    if (isRateLimitStoreOutage(error))
      throw new ApiError(503, 'unavailable', RATE_LIMIT_STORE_DOWN_MESSAGE, undefined, {
        'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      });
    throw error;
  });
  if (result.allowed) return;
  throw new ApiError(
    429,
    'rate_limited',
    `Too many requests for this API key; try again in ${result.retryAfterSeconds} s.`,
    undefined,
    { 'Retry-After': String(result.retryAfterSeconds) },
  );
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  throw new ApiError(400, 'validation_failed', Object.values(fields).join(' '), fields);
}
