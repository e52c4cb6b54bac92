import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordSchema } from './password-policy';

describe('password policy', () => {
  it('refuses short passwords and says how long they must be', () => {
    expect(passwordProblem('aaaaaaaaaa')).toBe(
      'Password must be at least 12 characters (this one has 10).',
    );
    expect(passwordProblem('password12')).toMatch(/at least 12/);
  });

  it('refuses common passwords, also with digits added or doubled, and says why', () => {
    for (const password of [
      'password1234',
      'qwertyuiop12',
      '123456789012',
      'iloveyou1234',
      'Sunshine!!2024',
      'passwordpassword',
    ])
      expect(passwordProblem(password), password).toMatch(/commonly used passwords/);
  });

  it('refuses one short pattern repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('abcabcabcabc')).toMatch(/repeated/);
  });

  it('sees through full-width letters and digits', () => {
    expect(passwordProblem('ｐａｓｓｗｏｒｄ１２３４')).toMatch(/commonly used passwords/);
    expect(passwordProblem('ａａａａａａａａａａａａ')).toMatch(/repeated/);
    expect(passwordProblem('１２３４５６７８９０１２')).not.toBeNull();
  });

  it('refuses a run along the alphabet, the digits or the keyboard, either way', () => {
    for (const run of [
      'abcdefghijkl',
      'ABCDEFGHIJKL',
      'qwertyuiopas',
      'lkjhgfdsapoiu',
      '987654321098',
      'xyzabcdefghi',
    ])
      expect(passwordProblem(run), run).toMatch(/run of neighbouring keys or letters/);
  });

  it('accepts long uncommon passwords, passphrases included', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('Zq7!mountain-ledger')).toBeNull();
    expect(passwordSchema.safeParse('tram sorrel quiet 42').success).toBe(true);
    expect(passwordSchema.safeParse('short').success).toBe(false);
  });
});
