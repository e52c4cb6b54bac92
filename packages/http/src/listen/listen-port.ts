type Env = Record<string, string | undefined>;

/**
 * The port a server listens on, from its variable (EDITOR_PORT, SHORTENER_PORT, COLLAB_PORT);
 * unset or blank: the default. Anything else but 1–65535 stops the start with a message naming
 * the variable: `Number()` alone made "abc" a crash deep in `listen()` and "" port 0, a random
 * port nobody knows.
 */
export function portFromEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535)
    throw new Error(`${name} must be a port number from 1 to 65535, got "${env[name]}"`);
  return port;
}
