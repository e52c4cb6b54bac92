// The frame every database command-line script shares: check the migrations, open the client,
// run one named command, close the client, and turn a failure into a message and exit code 1.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getDb, type Db } from './client';
import { prepareDatabase } from './prepare';

/** One command of a script; it resolves to the exit code (nothing means 0). */
export type DatabaseCommand = (db: Db) => Promise<number | void>;

export interface DatabaseCliOptions {
  /** The commands by name, as the first argument names them. */
  commands: Record<string, DatabaseCommand>;
  /** Words for an error, e.g. one line per invalid field; the default prints an Error's message. */
  formatError?: (error: unknown) => string;
  /** Printed when no known command is named; the default lists the command names. */
  usage?: string;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The options after the command's name (`process.argv[3]` on), parsed strictly by node:util's
 * parseArgs. A mistyped or unknown option stops the script with parseArgs' message and the usage,
 * not an uncaught TypeError with its stack trace.
 */
export function parseCommandOptions<T extends ParseArgsConfig>(config: T, usage: string) {
  try {
    return parseArgs<T>({ ...config, args: process.argv.slice(3) });
  } catch (error) {
    console.error(`${errorText(error)}\n\n${usage}`);
    process.exit(1);
  }
}

/** Runs the command `process.argv[2]` names; the caller parses the remaining arguments itself. */
export function runDatabaseCli({
  commands,
  formatError = errorText,
  usage,
}: DatabaseCliOptions): void {
  const name = process.argv[2] ?? '';
  main(commands[name], usage ?? `Usage: cli.ts ${Object.keys(commands).join('|')} [options]`).catch(
    (error: unknown) => {
      console.error(formatError(error));
      process.exit(1);
    },
  );
}

async function main(command: DatabaseCommand | undefined, usage: string) {
  if (!command) throw new Error(usage);
  await prepareDatabase();
  const db = getDb();
  try {
    process.exitCode = (await command(db)) ?? 0;
  } finally {
    await db.$disconnect();
  }
}
