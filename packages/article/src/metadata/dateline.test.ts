import { describe, expect, it } from 'vitest';
import { formatDateline } from './dateline';

describe('formatDateline', () => {
  it('writes the newsroom style in GMT', () => {
    expect(formatDateline(new Date('2021-04-14T07:00:00Z'))).toBe('07:00 GMT 14.04.2021');
    expect(formatDateline(new Date('2021-12-31T23:59:59Z'))).toBe('23:59 GMT 31.12.2021');
  });

  it('converts from other zones: 00:30 in Moscow is the evening before in GMT', () => {
    expect(formatDateline(new Date('2021-01-01T00:30:00+03:00'))).toBe('21:30 GMT 31.12.2020');
  });
});
