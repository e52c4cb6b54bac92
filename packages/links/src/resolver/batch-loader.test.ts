import { describe, expect, it } from 'vitest';
import { batchLoader } from './batch-loader';

describe('batchLoader', () => {
  it('reads every key asked for in one tick with one query, in batches of at most maxBatch', async () => {
    const queries: string[][] = [];
    const load = batchLoader(async (keys) => {
      queries.push(keys);
      return new Map(
        keys.filter((key) => key !== 'missing').map((key) => [key, key.toUpperCase()]),
      );
    }, 2);
    const results = await Promise.all(['a', 'b', 'a', 'missing'].map(load));
    expect(results).toEqual(['A', 'B', 'A', null]);
    expect(queries).toEqual([['a', 'b'], ['missing']]);
    expect(await load('c')).toBe('C');
    expect(queries).toHaveLength(3);
  });

  it('passes a failed query on to everyone waiting for it', async () => {
    const load = batchLoader<string>(() => Promise.reject(new Error('database away')));
    await expect(Promise.all([load('a'), load('b')])).rejects.toThrow('database away');
  });
});
