/** Why the database and the migrations folder disagree; the CLI prints `message` and exits 1. */
export type MigrationProblem =
  | 'database-ahead'
  | 'drift'
  | 'failed-migration'
  | 'edited-migration'
  | 'not-in-sync'
  | 'usage'
  | 'engine';

export class MigrationError extends Error {
  constructor(
    readonly problem: MigrationProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * The wasm engine rejects with plain objects or Errors whose message may be JSON carrying a
 * Prisma error code (e.g. P1014). Normalise to { code, message } for decisions and output.
 */
export function describeEngineError(error: unknown): { code?: string; message: string } {
  if (error instanceof MigrationError) return { message: error.message };
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  const rawMessage =
    typeof record.message === 'string' ? record.message : String(error ?? 'unknown error');
  const parsed = tryParseJson(rawMessage);
  const code =
    stringField(record, 'code') ??
    stringField(record, 'error_code') ??
    (parsed ? (stringField(parsed, 'error_code') ?? stringField(parsed, 'code')) : undefined) ??
    rawMessage.match(/\bP\d{4}\b/)?.[0];
  const message = (parsed && stringField(parsed, 'message')) ?? rawMessage;
  return { code, message: withoutEngineBacktrace(message) };
}

function tryParseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** Engine errors end with a Rust span trace ("   0: schema_engine_wasm::..."): noise for users. */
function withoutEngineBacktrace(message: string): string {
  const traceStart = message.search(/\n\s+0: \w+::/);
  return (traceStart === -1 ? message : message.slice(0, traceStart)).trim();
}
