import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits';

// The most common passwords from leaks (zxcvbn-ts' maintained list, ~49,000 entries), lower case.
let commonPasswords: Set<string> | undefined;
function isCommon(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(candidate);
}

/**
 * Why `password` is refused, as a sentence for the person choosing it, or null when it is fine.
 * Length first; then the common-password list, also after stripping the digits and symbols
 * people add to meet rules ("iloveyou1234" is "iloveyou"); then one short pattern repeated.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH)
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`;
  // Full-width and other compatibility forms count as what they look like ("ｐａｓｓ" is "pass").
  const lower = password.normalize('NFKC').toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (isCommon(lower) || (core.length >= 4 && isCommon(core)) || isCommon(halfIfDoubled(lower)))
    return 'This password is on a list of commonly used passwords that attackers try first; choose one that is not.';
  if (/^(.{1,4})\1+$/su.test(lower))
    return 'This password is one short pattern repeated; choose one that is harder to guess.';
  if (isRun(lower))
    return 'This password is a run of neighbouring keys or letters; choose one that is harder to guess.';
  return null;
}

/** What people type along: the alphabet, the digits, the keyboard's letters row after row. */
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiopasdfghjklzxcvbnm'];

/** The whole password walks one row (forwards or back, wrapping round): "abcdefghijkl", "0987…". */
function isRun(text: string): boolean {
  return RUNS.some((row) => {
    const rows = [row, [...row].reverse().join('')];
    return rows.some((line) => {
      const around = line.repeat(Math.ceil(text.length / line.length) + 1);
      return around.includes(text);
    });
  });
}

/** "passwordpassword" → "password". */
function halfIfDoubled(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && text.slice(0, half) === text.slice(half)
    ? text.slice(0, half)
    : text;
}

/** The password rule for every place a password is set (CLI, users admin, seed). */
export const passwordSchema = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
