import { describe, expect, it } from 'vitest';
import { portFromEnv } from './listen-port';

describe('portFromEnv', () => {
  it('reads the variable, trimmed; unset or blank is the default', () => {
    expect(portFromEnv({ EDITOR_PORT: ' 4100 ' }, 'EDITOR_PORT', 3000)).toBe(4100);
    expect(portFromEnv({}, 'EDITOR_PORT', 3000)).toBe(3000);
    expect(portFromEnv({ EDITOR_PORT: '  ' }, 'EDITOR_PORT', 3000)).toBe(3000);
  });

  it('refuses what is not a port, naming the variable', () => {
    for (const bad of ['abc', '0', '-1', '65536', '3000.5', '1e3', '0x10', '80 81']) {
      expect(() => portFromEnv({ SHORTENER_PORT: bad }, 'SHORTENER_PORT', 3001)).toThrow(
        `SHORTENER_PORT must be a port number from 1 to 65535, got "${bad}"`,
      );
    }
  });

  it('takes the first variable that is set, and reads no further', () => {
    const names = ['EDITOR_PORT', 'PORT'];
    expect(portFromEnv({ EDITOR_PORT: '4100', PORT: 'abc' }, names, 3000)).toBe(4100);
    expect(portFromEnv({ EDITOR_PORT: ' ', PORT: '4200' }, names, 3000)).toBe(4200);
    expect(portFromEnv({}, names, 3000)).toBe(3000);
    expect(() => portFromEnv({ PORT: 'abc' }, names, 3000)).toThrow(/^PORT must be/);
  });
});
