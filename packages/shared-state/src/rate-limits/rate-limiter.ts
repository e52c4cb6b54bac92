import type { Redis } from 'ioredis';
import {
  type IRateLimiterOptions,
  RateLimiterPrisma,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';
import type { Db } from '@newsroom/db';

export interface RateLimitOptions {
  /** Names the counter; two limiters with one name share their counts. */
  name: string;
  /** Actions allowed per window. */
  points: number;
  windowSeconds: number;
  /** Once over the limit, refuse for this long (default: until the window ends). */
  blockSeconds?: number;
  /**
   * Remember blocked keys in this process too, so a flood of refused requests costs no store
   * round trip (hot paths). The store stays the truth for everything under the limit.
   */
  blockInMemory?: boolean;
}

/**
 * The counters' store (Redis, the database) could not be asked: neither allowed nor refused.
 * Each caller decides: an abuse limit may answer without it, a guard must refuse.
 */
export class RateLimitStoreError extends Error {
  constructor(cause: unknown) {
    super(`The rate-limit store is unavailable: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'RateLimitStoreError';
  }
}

/** By name, not class: Next.js bundles its own copies of packages, and of this class with them. */
export function isRateLimitStoreError(error: unknown): error is RateLimitStoreError {
  return error instanceof Error && error.name === 'RateLimitStoreError';
}

export type RateLimitDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one action for `key` atomically and says whether it is allowed. */
  consume(key: string): Promise<RateLimitDecision>;
  /** Forgets `key`'s count (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

/**
 * Where the counters live: Redis when configured, the shared database otherwise. With Redis, a
 * `fallback` database counts while Redis cannot be reached.
 */
export type RateLimitStore =
  { kind: 'redis'; client: Redis; fallback?: Db } | { kind: 'database'; db: Db };

export function createRateLimiter(store: RateLimitStore, options: RateLimitOptions): RateLimiter {
  const limiter = storeLimiter(store, options);
  return {
    async consume(key) {
      try {
        const result = await limiter.consume(key);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (refusal) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit and with an
        // Error when the store failed; a failing store must not read as "allowed".
        if (refusal instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
          };
        }
        throw new RateLimitStoreError(refusal);
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

function storeLimiter(store: RateLimitStore, options: RateLimitOptions): RateLimiterStoreAbstract {
  const common = {
    keyPrefix: options.name,
    points: options.points,
    duration: options.windowSeconds,
    blockDuration: options.blockSeconds ?? 0,
    inMemoryBlockOnConsumed: options.blockInMemory ? options.points + 1 : 0,
    inMemoryBlockDuration: options.blockInMemory
      ? (options.blockSeconds ?? options.windowSeconds)
      : 0,
  };
  if (store.kind === 'redis') {
    return new RateLimiterRedis({
      ...common,
      storeClient: store.client,
      // Redis away (a command failed: the client gives up after one reconnection attempt): count
      // in the database meanwhile, still shared by every instance, instead of refusing every
      // login (or answering without any limit). Counts start again on the switch in either
      // direction (the library copies none), so a client may get one extra window. Not switched
      // merely while the client is still connecting: at start that would split one client's
      // count between the two stores.
      insuranceLimiter: store.fallback ? databaseLimiter(store.fallback, common) : undefined,
    });
  }
  return databaseLimiter(store.db, common);
}

/** Database clients whose expired rate-limit rows some limiter already sweeps. */
const sweptStores = new WeakSet<Db>();

function databaseLimiter(db: Db, options: IRateLimiterOptions) {
  // Each limiter would sweep the whole table of expired rows every 5 minutes, on a timer of its
  // own (one per limit, and per Redis limiter for its fallback): one sweeper per database does it.
  const clearExpiredByTimeout = !sweptStores.has(db);
  sweptStores.add(db);
  // The Prisma model `RateLimit` (prisma/schema.prisma) is the client's `rateLimit` property.
  return new RateLimiterPrisma({
    ...options,
    storeClient: db,
    tableName: 'rateLimit',
    clearExpiredByTimeout,
  });
}
