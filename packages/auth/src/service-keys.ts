import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, type Db } from '@newsroom/db';
import { createApiKey, verifyApiKey } from './api-keys';

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

/** Keys already checked in this process, by file: one file read and one query per process. */
const known = new Map<string, Promise<string>>();

/**
 * An API key for one of our own services (e.g. the editor calling the shortener), for zero setup
 * on one machine: the key is kept in `<dataDir>/<name>.api-key` (mode 600). A missing, unknown or
 * revoked key is replaced by a new one. In production, set the key explicitly (SHORTENER_API_KEY)
 * instead, since instances on other machines do not share the data folder.
 */
export function ensureServiceApiKey(db: Db, name: string, directory = dataDir()): Promise<string> {
  if (!SERVICE_NAME.test(name)) {
    return Promise.reject(
      new Error(`Service key name "${name}" must be lower-case letters, digits and "-"`),
    );
  }
  const file = path.join(directory, `${name}.api-key`);
  let pending = known.get(file);
  if (!pending) {
    pending = readOrCreateKey(db, name, file);
    known.set(file, pending);
    // A failure (e.g. database down) must not be remembered for the life of the process.
    pending.catch(() => known.delete(file));
  }
  return pending;
}

/**
 * Forgets the key this process holds for `name`, after a service refused it (e.g. an operator
 * revoked it with `apikey:revoke`): the next ensureServiceApiKey checks the file's key again
 * and, as it is revoked, replaces it with a new one. Revoking the self-provisioned key thus
 * rotates it, without a restart.
 */
export function forgetServiceApiKey(name: string, directory = dataDir()): void {
  known.delete(path.join(directory, `${name}.api-key`));
}

async function readOrCreateKey(db: Db, name: string, file: string): Promise<string> {
  const stored = readKeyFile(file);
  if (stored && (await verifyApiKey(db, stored))) return stored;
  const { key } = await createApiKey(db, name);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees a half-written key.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${key}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return key;
}

function readKeyFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
