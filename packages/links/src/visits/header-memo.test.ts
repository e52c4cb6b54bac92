import { describe, expect, it } from 'vitest';
import { headerMemo, MAX_REMEMBERED_HEADER_LENGTH } from './header-memo';

describe('headerMemo', () => {
  it('remembers headers of a real length, up to its count', () => {
    const memo = headerMemo<string>(2);
    memo.set('Mozilla/5.0 (X11; Linux x86_64)', 'desktop');
    memo.set('a'.repeat(MAX_REMEMBERED_HEADER_LENGTH), 'long but allowed');
    expect(memo.size).toBe(2);
    memo.set('Another/1.0', 'third');
    expect(memo.size).toBe(2); // the oldest went
    expect(memo.get('Another/1.0')).toBe('third');
  });

  it('never remembers a header longer than the limit (a flood of 16 KB headers stays small)', () => {
    const memo = headerMemo<string>(5_000);
    for (let index = 0; index < 100; index += 1) {
      memo.set(`${index}`.padEnd(16 * 1_024, 'x'), 'unknown');
    }
    expect(memo.size).toBe(0);
  });
});
