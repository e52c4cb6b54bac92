import { SettingError } from '@newsroom/settings';

type Env = Record<string, string | undefined>;

/**
 * The port a server listens on, from the first of its variables that is set (EDITOR_PORT, then
 * PORT); none set, or blank: the default. A variable after the one used is not read, so a
 * malformed PORT does not stop a server that has EDITOR_PORT. Anything else but 1–65535 stops the
 * start with a message naming the variable: `Number()` alone made "abc" a crash deep in
 * `listen()` and "" port 0, a random port nobody knows.
 */
export function portFromEnv(env: Env, names: string | string[], fallback: number): number {
  const name = [names].flat().find((candidate) => env[candidate]?.trim());
  if (!name) return fallback;
  const raw = env[name]!.trim();
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535)
    throw new SettingError(
      name,
      `${name} must be a port number from 1 to 65535, got "${env[name]}"`,
    );
  return port;
}
