import { describe, expect, it } from 'vitest';
import { pageNumber } from './page-number';

describe('pageNumber', () => {
  it('reads whole page numbers, 1 when absent', () => {
    expect(pageNumber(undefined)).toBe(1);
    expect(pageNumber('1')).toBe(1);
    expect(pageNumber('42')).toBe(42);
    expect(pageNumber('999999999')).toBe(999_999_999);
  });

  it('refuses what is not one, and numbers whose row offset would overflow', () => {
    for (const value of ['0', '-1', '1.5', '01', ' 2', '2x', '', '1e3', '1000000000000000000'])
      expect(pageNumber(value), value).toBeNull();
    expect(pageNumber(['1', '2'])).toBeNull();
  });
});
