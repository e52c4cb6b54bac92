import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Redis } from 'ioredis';

/**
 * Several collaboration servers share documents through Redis (REDIS_URL): updates and
 * awareness from a client on one reach clients on the others. Each server still stores what it
 * holds; the stored bytes merge, and the working copy write tolerates the other's version.
 */
export function redisScaleOut(redisUrl: string, identifier?: string) {
  return new RedisExtension({
    createClient: () => new Redis(redisUrl, { maxRetriesPerRequest: null }),
    ...(identifier ? { identifier } : {}),
    prefix: 'newsroom-collab',
  });
}
