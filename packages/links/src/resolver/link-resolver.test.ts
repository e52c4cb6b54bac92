import { describe, expect, it, vi } from 'vitest';
import { STATE_WAIT_MS } from '@newsroom/testing';
import { cachedLinkBytes, LinkResolver, type CachedLink } from './link-resolver';

const link = (url: string): CachedLink => ({
  id: 'id1',
  url,
  redirectType: 302,
  disabled: false,
  expiresAt: null,
  forwardQuery: true,
});

function setup(
  ttlMs = 60_000,
  clock?: { now: number },
  keyOf?: (code: string) => string,
  maxBytes = 1_000_000,
) {
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
    maxBytes,
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
    await vi.waitFor(() => expect(resolver.peek('abc')?.url).toBe('https://new.example/'), {
      timeout: STATE_WAIT_MS,
    });
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

  it('forgets every known and unknown code at once (the change feed came back after a gap)', async () => {
    const { database, reads, resolver } = setup();
    database.set('kept', link('https://old.example/'));
    await resolver.resolve('kept');
    expect(await resolver.resolve('made-meanwhile')).toBeNull();
    const inFlight = resolver.resolve('slow');
    database.set('kept', link('https://new.example/'));
    database.set('made-meanwhile', link('https://made.example/'));
    resolver.invalidateAll();
    await inFlight;
    expect(resolver.peek('slow')).toBeUndefined();
    expect((await resolver.resolve('kept'))?.url).toBe('https://new.example/');
    expect((await resolver.resolve('made-meanwhile'))?.url).toBe('https://made.example/');
    expect(reads).toEqual(['kept', 'made-meanwhile', 'slow', 'kept', 'made-meanwhile']);
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

  it('holds as many links as its memory budget allows, dropping the least recently used', async () => {
    const short = link('https://a.example/');
    const code = (index: number) => `code${String(index).padStart(2, '0')}`;
    const perLink = cachedLinkBytes(code(0), short);
    const { database, reads, resolver } = setup(60_000, undefined, undefined, 10 * perLink);
    for (let index = 0; index < 15; index += 1) database.set(code(index), short);
    for (let index = 0; index < 15; index += 1) await resolver.resolve(code(index));
    expect(resolver.size.known).toBe(10);
    expect(resolver.size.bytes).toBeLessThanOrEqual(10 * perLink);
    reads.length = 0;
    expect(resolver.peek(code(14))).toBe(short); // recent: still in memory
    expect(resolver.peek(code(0))).toBeUndefined(); // oldest: evicted, read again
    await resolver.resolve(code(0));
    expect(reads).toEqual([code(0)]);

    // A long destination takes the room of several short ones.
    const long = link(`https://a.example/${'x'.repeat(20 * perLink)}`);
    database.set('long', long);
    expect(cachedLinkBytes('long', long)).toBeGreaterThan(10 * perLink);
    await resolver.resolve('long'); // larger than the whole budget: answered, not kept
    expect(resolver.peek('long')).toBeUndefined();
    const medium = link(`https://a.example/${'x'.repeat(2 * perLink)}`);
    database.set('medium', medium);
    await resolver.resolve('medium');
    expect(resolver.peek('medium')).toBe(medium);
    expect(resolver.size.known).toBeLessThan(10);
    expect(resolver.size.bytes).toBeLessThanOrEqual(10 * perLink);
  });

  it('is warmed before the first request: warmed codes answer without a read', async () => {
    const { reads, resolver } = setup();
    const warmed = new Map([
      ['hot', link('https://hot.example/')],
      ['warm', link('https://warm.example/')],
    ]);
    expect(await resolver.warm(async () => warmed)).toBe(2);
    expect(resolver.resolve('hot')).toEqual(link('https://hot.example/'));
    expect(resolver.resolve('warm')).toEqual(link('https://warm.example/'));
    expect(reads).toEqual([]);
  });

  it('keeps the last of the warm set when the budget holds fewer (most clicked come last)', async () => {
    const perLink = cachedLinkBytes('code0', link('https://a.example/'));
    const { resolver } = setup(60_000, undefined, undefined, 3 * perLink);
    const warmed = new Map(
      Array.from({ length: 6 }, (_, index) => [`code${index}`, link('https://a.example/')]),
    );
    await resolver.warm(async () => warmed);
    expect(['code0', 'code1', 'code2'].map((code) => resolver.peek(code))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(['code3', 'code4', 'code5'].every((code) => resolver.peek(code))).toBe(true);
  });

  it('stores nothing from a warm-up that a change overtook (the change wins)', async () => {
    const { database, resolver } = setup();
    database.set('hot', link('https://new.example/'));
    let finishRead!: (links: Map<string, CachedLink>) => void;
    const warming = resolver.warm(() => new Promise((resolve) => (finishRead = resolve)));
    resolver.invalidate('hot'); // e.g. changed through another instance meanwhile
    finishRead(new Map([['hot', link('https://old.example/')]]));
    expect(await warming).toBe(0);
    expect((await resolver.resolve('hot'))?.url).toBe('https://new.example/');
  });
});
