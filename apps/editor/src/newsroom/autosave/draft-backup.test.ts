import { describe, expect, it } from 'vitest';
import {
  chooseStartingPoint,
  readBackup,
  sameJson,
  writeBackup,
  type DraftStorage,
} from './draft-backup';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('starting point on load', () => {
  it('opens the server copy when the browser has none', () => {
    const storage = memoryStorage();
    expect(chooseStartingPoint(storage, 'k', { snapshot: { t: 's' }, version: 4 })).toEqual({
      snapshot: { t: 's' },
      baseVersion: 4,
      restored: false,
    });
  });

  it('restores an unsaved browser copy with the version it was based on', () => {
    const storage = memoryStorage();
    writeBackup(storage, 'k', { baseVersion: 3, savedAt: 1, snapshot: { t: 'local' } });
    expect(chooseStartingPoint(storage, 'k', { snapshot: { t: 's' }, version: 4 })).toEqual({
      snapshot: { t: 'local' },
      baseVersion: 3,
      restored: true,
    });
  });

  it('drops a browser copy the server already has (saved just before a crash)', () => {
    const storage = memoryStorage();
    writeBackup(storage, 'k', { baseVersion: 3, savedAt: 1, snapshot: { b: 1, a: [1, { c: 2 }] } });
    const start = chooseStartingPoint(storage, 'k', {
      snapshot: { a: [1, { c: 2 }], b: 1 },
      version: 4,
    });
    expect(start.restored).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('ignores unreadable entries and survives storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readBackup(storage, 'k')).toBeNull();
    storage.setItem('k', JSON.stringify({ snapshot: 1 }));
    expect(readBackup(storage, 'k')).toBeNull();
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeBackup(full, 'k', { baseVersion: 1, savedAt: 0, snapshot: 1 })).toBe(false);
  });

  it('compares JSON by value', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});
