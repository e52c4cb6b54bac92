import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, generateCode } from './generate-code';

describe('generated codes', () => {
  it('have a keyspace of at least 10^12 and no look-alike characters', () => {
    expect(CODE_ALPHABET.length ** CODE_LENGTH).toBeGreaterThanOrEqual(1e12);
    expect(CODE_ALPHABET.length ** (CODE_LENGTH - 1)).toBeLessThan(1e12);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    for (const lookAlike of '0Oo1lIi') expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('uses only the alphabet and is not repeated across 10,000 draws', () => {
    const codes = Array.from({ length: 10_000 }, generateCode);
    for (const code of codes)
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
