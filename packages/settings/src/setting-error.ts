/**
 * A setting (an environment variable) a process cannot start with. Its message names the
 * variable, what it must be and what it was: all an operator needs, so a start that fails on
 * one prints that line, not a stack trace of the code that read it.
 */
export class SettingError extends Error {
  override readonly name = 'SettingError';

  constructor(
    /** The variable, e.g. EDITOR_PORT. */
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What a server prints when it cannot start: a wrong setting as its one-line message, anything
 * else whole (with its stack, which is where to look).
 */
export function startFailureReport(error: unknown): string {
  if (error instanceof SettingError) return `Cannot start: ${error.message}`;
  return error instanceof Error ? (error.stack ?? String(error)) : String(error);
}
