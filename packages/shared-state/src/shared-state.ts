import { Redis } from 'ioredis';
import { isPostgres, resolveDatabaseUrl, type Db } from '@newsroom/db';
import type { ChangeBus } from './changes/change-bus';
import { createPostgresChangeBus } from './changes/postgres-change-bus';
import { createRedisChangeBus } from './changes/redis-change-bus';
import { createSqliteChangeBus } from './changes/sqlite-change-bus';
import { redisUrl as configuredRedisUrl } from './redis-url';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimitOptions,
  type RateLimitStore,
} from './rate-limits/rate-limiter';

export interface SharedState {
  /** Where this process keeps shared state, for logs: "redis", "postgresql" or "sqlite". */
  readonly transport: 'redis' | 'postgresql' | 'sqlite';
  rateLimiter(options: RateLimitOptions): RateLimiter;
  changes: ChangeBus;
  /** Resolves once change notifications from other processes are being received. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface SharedStateOptions {
  db: Db;
  /** The database `db` talks to (default: DATABASE_URL); PostgreSQL carries the change bus. */
  databaseUrl?: string;
  /** Redis for counters and changes (default: REDIS_URL); unset means the database. */
  redisUrl?: string;
}

/**
 * Opens the state this process shares with other instances: Redis when configured (with the
 * database counting rate limits while Redis is away), otherwise the database for rate limits and
 * PostgreSQL LISTEN/NOTIFY for changes; on SQLite (the processes of one machine) changes travel
 * through a table that each process reads.
 */
export function openSharedState(options: SharedStateOptions): SharedState {
  const redisUrl = options.redisUrl ?? configuredRedisUrl();
  if (redisUrl) {
    // A Redis that is down must fail a request quickly, not queue it forever.
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    client.on('error', () => undefined);
    const store: RateLimitStore = { kind: 'redis', client, fallback: options.db };
    const changes = createRedisChangeBus(client);
    return {
      transport: 'redis',
      rateLimiter: (limit) => createRateLimiter(store, limit),
      changes,
      ready: () => changes.ready(),
      async close() {
        await changes.close();
        client.disconnect();
      },
    };
  }
  const store: RateLimitStore = { kind: 'database', db: options.db };
  const databaseUrl = resolveDatabaseUrl(options.databaseUrl);
  if (isPostgres(databaseUrl)) {
    const changes = createPostgresChangeBus(databaseUrl);
    return {
      transport: 'postgresql',
      rateLimiter: (limit) => createRateLimiter(store, limit),
      changes,
      ready: () => changes.ready(),
      close: () => changes.close(),
    };
  }
  const changes = createSqliteChangeBus(options.db);
  return {
    transport: 'sqlite',
    rateLimiter: (limit) => createRateLimiter(store, limit),
    changes,
    ready: () => changes.ready(),
    close: () => changes.close(),
  };
}
