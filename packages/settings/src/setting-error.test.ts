import { describe, expect, it } from 'vitest';
import { SettingError, startFailureReport } from './setting-error';

describe('startFailureReport', () => {
  it('gives a wrong setting as one line, naming the variable', () => {
    const error = new SettingError('EDITOR_PORT', 'EDITOR_PORT must be a port number, got "abc"');
    expect(startFailureReport(error)).toBe(
      'Cannot start: EDITOR_PORT must be a port number, got "abc"',
    );
    expect(error.setting).toBe('EDITOR_PORT');
    expect(error).toBeInstanceOf(Error);
  });

  it('gives anything else whole, with the stack that says where it happened', () => {
    const error = new TypeError('x is undefined');
    expect(startFailureReport(error)).toBe(error.stack);
    expect(startFailureReport('a string thrown')).toBe('a string thrown');
  });
});
