import { describe, expect, it, vi } from 'vitest';
import { LinkResolver, type CachedLink } from './link-resolver';

const link = (url: string): CachedLink => ({
  id: 'id1',
  url,
  redirectType: 302,
  disabled: false,
  expiresAt: null,
  forwardQuery: true,
});

function setup(ttlMs = 60_000, clock?: { now: number }, keyOf?: (code: string) => string) {
  const database = new Map<string, CachedLink>();
  const reads: string[] = [];
  const resolver = new LinkResolver({
    now: clock ? () => clock.now : undefined,
    load: async (code) => {
      reads.push(code);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return database.get(code) ?? null;
    },
    ttlMs,
    max: 100,
    negativeMax: 10,
    keyOf,
  });
  return { database, reads, resolver };
}

describe('LinkResolver', () => {
  it('reads a code once, then answers from memory synchronously', async () => {
    const { database, reads, resolver } = setup();
    database.set('abc', link('https://a.example/'));
    const results = await Promise.all([resolver.resolve('abc'), resolver.resolve('abc')]);
    expect(results.map((result) => result?.url)).toEqual([
      'https://a.example/',
      'https://a.example/',
    ]);
    expect(reads).toEqual(['abc']);
    expect(resolver.resolve('abc')).toEqual(link('https://a.example/'));
  });

  it('remembers unknown codes, and forgets them when the code is created here', async () => {
    const { database, reads, resolver } = setup();
    expect(await resolver.resolve('new')).toBeNull();
    expect(resolver.resolve('new')).toBeNull();
    database.set('new', link('https://b.example/'));
    expect(resolver.peek('new')).toBeNull();
    resolver.invalidate('new');
    expect((await resolver.resolve('new'))?.url).toBe('https://b.example/');
    expect(reads).toEqual(['new', 'new']);
  });

  it('after the TTL, answers from memory once more while it reads the link again', async () => {
    const clock = { now: 1_000_000 };
    const { database, reads, resolver } = setup(5_000, clock);
    database.set('abc', link('https://old.example/'));
    await resolver.resolve('abc');
    database.set('abc', link('https://new.example/')); // changed elsewhere, message lost
    clock.now += 4_999;
    expect(resolver.peek('abc')?.url).toBe('https://old.example/');
    expect(reads).toEqual(['abc']);
    clock.now += 1; // the TTL is over: still answered at once, and read again
    expect(resolver.peek('abc')?.url).toBe('https://old.example/');
    expect(resolver.peek('abc')?.url).toBe('https://old.example/');
    await vi.waitFor(() => expect(resolver.peek('abc')?.url).toBe('https://new.example/'));
    expect(reads).toEqual(['abc', 'abc']);
  });

  it('stops using an entry two TTLs old (reads failing meanwhile) and forgets deleted links', async () => {
    const clock = { now: 1_000_000 };
    const { database, resolver } = setup(5_000, clock);
    database.set('abc', link('https://old.example/'));
    await resolver.resolve('abc');
    clock.now += 10_000;
    expect(resolver.peek('abc')).toBeUndefined();
    database.delete('abc');
    expect(await resolver.resolve('abc')).toBeNull();
    expect(resolver.peek('abc')).toBeNull();
  });

  it('does not let a read that started before an invalidation refill the cache', async () => {
    const { database, resolver } = setup();
    database.set('abc', link('https://old.example/'));
    const stale = resolver.resolve('abc');
    database.set('abc', link('https://new.example/'));
    resolver.invalidate('abc');
    await stale;
    expect(resolver.peek('abc')).toBeUndefined();
  });

  it('keeps unknown codes in a separate bounded cache that cannot evict known links', async () => {
    const { database, resolver } = setup();
    database.set('real', link('https://real.example/'));
    await resolver.resolve('real');
    for (let index = 0; index < 50; index += 1) await resolver.resolve(`nope${index}`);
    expect(resolver.size.unknown).toBe(10);
    expect(resolver.peek('real')?.url).toBe('https://real.example/');
  });

  it('folds codes with keyOf: every spelling is one cache entry, invalidated together', async () => {
    const { database, reads, resolver } = setup(60_000, undefined, (code) => code.toLowerCase());
    database.set('spring', link('https://old.example/'));
    expect((await resolver.resolve('Spring'))?.url).toBe('https://old.example/');
    expect(resolver.resolve('SPRING')).toEqual(link('https://old.example/'));
    expect(reads).toEqual(['spring']);
    database.set('spring', link('https://new.example/'));
    resolver.invalidate('sPrInG');
    expect(resolver.peek('Spring')).toBeUndefined();
    expect((await resolver.resolve('spring'))?.url).toBe('https://new.example/');
  });
});
