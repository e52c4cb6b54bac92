import { LRUCache } from 'lru-cache';

/**
 * Request headers longer than this are worked out on every click, never remembered. Real user
 * agents and referring pages are a few hundred characters; a header can be 16 KB (Node's limit),
 * and 5,000 remembered ones of that length would be 80 MB per memo for whoever sends them.
 */
export const MAX_REMEMBERED_HEADER_LENGTH = 1_024;

/** A memo keyed by a request header's value: the last `max` distinct ones, short ones only. */
export function headerMemo<Value extends NonNullable<unknown>>(max: number) {
  return new LRUCache<string, Value>({
    max,
    maxEntrySize: MAX_REMEMBERED_HEADER_LENGTH,
    sizeCalculation: (_value, header) => Math.max(1, header.length),
  });
}
