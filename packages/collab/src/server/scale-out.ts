import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Redis } from 'ioredis';

/**
 * Hocuspocus's Redis extension without its store lock. The lock makes an instance *skip* a
 * store while another instance is storing the same document, and the skipped store is never
 * run again: when the other instance began storing before this one's latest edits reached it
 * through Redis, those edits never reached the working copy. Concurrent stores are safe here
 * without a lock: each merges what is stored before it writes, and the working copy write
 * checks its version (persistence.ts).
 */
class RedisWithoutStoreLock extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}
}

/**
 * Several collaboration servers share documents through Redis (REDIS_URL): updates and
 * awareness from a client on one reach clients on the others. Each server stores what its own
 * clients change; stores merge the stored bytes first, so the working copy gets everyone's edits.
 */
export function redisScaleOut(redisUrl: string, identifier?: string) {
  return new RedisWithoutStoreLock({
    createClient: () => new Redis(redisUrl, { maxRetriesPerRequest: null }),
    ...(identifier ? { identifier } : {}),
    prefix: 'newsroom-collab',
  });
}
