/**
 * The unsaved draft kept in the browser (localStorage), so a reload, a crash or a lost
 * connection never loses text. One entry per article, with the version the draft was based on.
 */

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftBackup<T> {
  baseVersion: number;
  /** Client clock, for people: "your unsaved copy from 10:42". */
  savedAt: number;
  snapshot: T;
}

export const backupKey = (articleId: string) => `newsroom:draft:${articleId}`;

export function readBackup<T>(storage: DraftStorage, key: string): DraftBackup<T> | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DraftBackup<T>>;
    if (typeof parsed.baseVersion !== 'number' || parsed.snapshot === undefined) return null;
    return {
      baseVersion: parsed.baseVersion,
      savedAt: parsed.savedAt ?? 0,
      snapshot: parsed.snapshot,
    };
  } catch {
    return null; // unreadable entry: the server copy is all we have
  }
}

/** Storage can be full or disabled (private mode): saving to the server still works. */
export function writeBackup<T>(storage: DraftStorage, key: string, backup: DraftBackup<T>) {
  try {
    storage.setItem(key, JSON.stringify(backup));
    return true;
  } catch {
    return false;
  }
}

export function removeBackup(storage: DraftStorage, key: string) {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to do: a stale backup equal to the server copy is discarded on the next load
  }
}

/** Deep equality of JSON values, independent of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export interface StartingPoint<T> {
  snapshot: T;
  baseVersion: number;
  /** True when the browser's unsaved copy replaced the server's: it must be saved now. */
  restored: boolean;
}

/**
 * What the editor opens: the browser's unsaved copy when it differs from the server's (it is
 * then saved at once; if the server moved on meanwhile, that save gets a conflict and the user
 * sees both), otherwise the server's copy (and a stale backup is dropped).
 */
export function chooseStartingPoint<T>(
  storage: DraftStorage,
  key: string,
  server: { snapshot: T; version: number },
): StartingPoint<T> {
  const backup = readBackup<T>(storage, key);
  if (!backup || sameJson(backup.snapshot, server.snapshot)) {
    if (backup) removeBackup(storage, key);
    return { snapshot: server.snapshot, baseVersion: server.version, restored: false };
  }
  return { snapshot: backup.snapshot, baseVersion: backup.baseVersion, restored: true };
}
