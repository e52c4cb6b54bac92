// Real shortener processes together with the clients the integration tests talk to them through:
// the JSON API (with a fresh API key) and raw HTTP over a keep-alive pool.
import { createApiKey } from '@newsroom/auth';
import { startTogether } from '@newsroom/testing';
import type { TestDatabase } from '@newsroom/db/testing';
import { createApiClient } from './api-client';
import { createHttpClient } from './http-client';
import { startShortener, type ShortenerProcess } from './shortener-process';

/** Rate limits far out of the way, for tests that are not about them. */
export const NO_RATE_LIMITS = {
  SHORTENER_CREATE_LIMIT_PER_MINUTE: '100000',
  SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: '100000',
};

export type ApiClient = ReturnType<typeof createApiClient>;
export type HttpClient = ReturnType<typeof createHttpClient>;

export type ShortenerWithClients = {
  server: ShortenerProcess;
  api: ApiClient;
  http: HttpClient;
  /** Closes the HTTP pool and stops the process. */
  stop: () => Promise<void>;
};

/** One shortener on `testDb`, with an API key named `keyName`. */
export async function startShortenerWithClients(
  testDb: TestDatabase,
  keyName: string,
  env: Record<string, string>,
): Promise<ShortenerWithClients> {
  const server = await startShortener(testDb.url, env);
  const { key } = await createApiKey(testDb.db, keyName);
  const http = createHttpClient(server.url);
  return {
    server,
    api: createApiClient(server.url, key),
    http,
    stop: async () => {
      http.close();
      await server.stop();
    },
  };
}

export type TwoShorteners = {
  a: ShortenerProcess;
  b: ShortenerProcess;
  /** The API of instance A (changes are made there and looked for on B). */
  apiOnA: ApiClient;
  httpA: HttpClient;
  httpB: HttpClient;
  /** Closes both HTTP pools and stops both processes. */
  stop: () => Promise<void>;
};

/** Two shortener instances on one database, as behind a load balancer, both with `env`. */
export async function startTwoShorteners(
  testDb: TestDatabase,
  keyName: string,
  env: Record<string, string>,
): Promise<TwoShorteners> {
  const [a, b] = await startTogether([
    () => startShortener(testDb.url, env),
    () => startShortener(testDb.url, env),
  ]);
  const { key } = await createApiKey(testDb.db, keyName);
  const httpA = createHttpClient(a.url);
  const httpB = createHttpClient(b.url);
  return {
    a,
    b,
    apiOnA: createApiClient(a.url, key),
    httpA,
    httpB,
    stop: async () => {
      httpA.close();
      httpB.close();
      await Promise.all([a.stop(), b.stop()]);
    },
  };
}
