import { describe, expect, it } from 'vitest';
import { SettingError } from './setting-error';
import { wholeNumberSetting } from './whole-number-setting';

describe('wholeNumberSetting', () => {
  it('reads a whole number, and nothing (the default applies) when unset or blank', () => {
    expect(wholeNumberSetting({ N: ' 42 ' }, 'N', 1)).toBe(42);
    expect(wholeNumberSetting({ N: '0' }, 'N', 0)).toBe(0);
    expect(wholeNumberSetting({}, 'N', 1)).toBeUndefined();
    expect(wholeNumberSetting({ N: '  ' }, 'N', 1)).toBeUndefined();
  });

  it.each(['abc', '1.5', '-1', '1e3', '0x10', '99999999999999999999'])(
    'refuses %j naming the variable',
    (raw) => {
      expect(() => wholeNumberSetting({ N: raw }, 'N', 0)).toThrow(
        new SettingError('N', `N must be a whole number (0 or more), got "${raw}"`),
      );
    },
  );

  it('says what the lowest allowed value is', () => {
    expect(() => wholeNumberSetting({ N: '0' }, 'N', 1)).toThrow(
      'N must be a positive whole number, got "0"',
    );
    expect(() => wholeNumberSetting({ N: '3' }, 'N', 16)).toThrow(
      'N must be a whole number ≥ 16, got "3"',
    );
  });
});
