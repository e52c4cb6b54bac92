import { describe, expect, it } from 'vitest';
import { redisUrl } from './redis-url';

describe('redisUrl', () => {
  it('is undefined when REDIS_URL is unset or blank, so the database carries shared state', () => {
    expect(redisUrl({})).toBeUndefined();
    expect(redisUrl({ REDIS_URL: '  ' })).toBeUndefined();
  });

  it('returns the configured server', () => {
    expect(redisUrl({ REDIS_URL: 'redis://127.0.0.1:6390' })).toBe('redis://127.0.0.1:6390');
  });
});
