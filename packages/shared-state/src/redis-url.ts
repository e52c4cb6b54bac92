/**
 * The Redis server that instances share, when one is configured. Without `REDIS_URL` every piece
 * of shared state falls back to the database, so the single-machine quick start needs no Redis.
 */
export function redisUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.REDIS_URL?.trim();
  return url ? url : undefined;
}
