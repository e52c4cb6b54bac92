import { SettingError } from './setting-error';

type Env = Record<string, string | undefined>;

const describeAtLeast = (min: number) =>
  min === 0
    ? 'a whole number (0 or more)'
    : min === 1
      ? 'a positive whole number'
      : `a whole number ≥ ${min}`;

/**
 * The whole number in the variable `name`, or undefined when it is not set (or blank): the
 * caller's default applies. Anything else below `min` stops the start with a SettingError that
 * names the variable and what it held.
 */
export function wholeNumberSetting(env: Env, name: string, min: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min)
    throw new SettingError(name, `${name} must be ${describeAtLeast(min)}, got "${raw}"`);
  return value;
}
