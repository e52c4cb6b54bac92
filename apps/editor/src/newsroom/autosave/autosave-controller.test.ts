import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, statusLabel, type SaveOutcome } from './autosave-controller';
import { readBackup, type DraftStorage } from './draft-backup';

type Doc = { text: string };

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** A fake server: records requests, answers with whatever the test queues (default: saved). */
function fakeServer(startVersion = 1) {
  let version = startVersion;
  const answers: (SaveOutcome<Doc> | 'throw')[] = [];
  const requests: { snapshot: Doc; baseVersion: number }[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  return {
    requests,
    answers,
    holdNext() {
      hold = true;
    },
    release() {
      release?.();
    },
    get version() {
      return version;
    },
    save: async (snapshot: Doc, baseVersion: number): Promise<SaveOutcome<Doc>> => {
      requests.push({ snapshot, baseVersion });
      if (hold) {
        hold = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
      const answer = answers.shift();
      if (answer === 'throw') throw new TypeError('Failed to fetch');
      if (answer) return answer;
      version = baseVersion + 1;
      return { kind: 'saved', version };
    },
  };
}

let storage: ReturnType<typeof memoryStorage>;
let server: ReturnType<typeof fakeServer>;
let statuses: string[];
let controller: AutosaveController<Doc, Doc>;

beforeEach(() => {
  vi.useFakeTimers();
  storage = memoryStorage();
  server = fakeServer();
  statuses = [];
  controller = new AutosaveController<Doc, Doc>({
    storageKey: 'draft:a1',
    storage,
    baseVersion: 1,
    savedSnapshot: { text: 'stored' },
    save: server.save,
    onStatus: (status) => statuses.push(statusLabel(status)),
    debounceMs: 1000,
    backupDelayMs: 300,
    retryInitialMs: 1000,
    retryMaxMs: 8000,
  });
});
afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

const type = (text: string) => controller.change(() => ({ text }));

describe('autosave', () => {
  it('saves once, a second after typing stops, with the base version', async () => {
    type('a');
    await vi.advanceTimersByTimeAsync(600);
    type('ab');
    await vi.advanceTimersByTimeAsync(600);
    type('abc');
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toEqual([{ snapshot: { text: 'abc' }, baseVersion: 1 }]);
    expect(statuses.at(-1)).toBe('Saved');
    expect(controller.baseVersion).toBe(2);
    type('abcd');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests[1]).toEqual({ snapshot: { text: 'abcd' }, baseVersion: 2 });
  });

  it('keeps the unsaved text in the browser until the server has it', async () => {
    type('draft one');
    await vi.advanceTimersByTimeAsync(300);
    expect(readBackup(storage, 'draft:a1')).toMatchObject({
      baseVersion: 1,
      snapshot: { text: 'draft one' },
    });
    await vi.advanceTimersByTimeAsync(700);
    expect(storage.data.has('draft:a1')).toBe(false);
  });

  it('retries with exponential backoff while offline, then saves, and says so', async () => {
    server.answers.push('throw', { kind: 'offline' }, { kind: 'offline' });
    type('written offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('Offline, retrying…');
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2); // after 1 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.requests).toHaveLength(2);
    type('written offline, more'); // does not reset the backoff
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(3); // after 2 s more
    expect(server.requests[2]?.snapshot.text).toBe('written offline, more');
    expect(readBackup(storage, 'draft:a1')?.snapshot).toEqual({ text: 'written offline, more' });
    await vi.advanceTimersByTimeAsync(4000); // after 4 s more: the server answers
    expect(server.requests).toHaveLength(4);
    expect(statuses.at(-1)).toBe('Saved');
    expect(storage.data.has('draft:a1')).toBe(false);
  });

  it('caps the backoff and retries at once when the browser comes back online', async () => {
    server.answers.push(...Array(6).fill({ kind: 'offline' }));
    type('x');
    await vi.advanceTimersByTimeAsync(1000 + 1000 + 2000 + 4000 + 8000);
    expect(server.requests).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(7999);
    expect(server.requests).toHaveLength(5); // capped at 8 s, not 16 s
    controller.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(6);
    controller.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(7);
    expect(statuses.at(-1)).toBe('Saved');
  });

  it('shows a server refusal and does not retry the same content', async () => {
    server.answers.push({
      kind: 'rejected',
      reason: 'slug: another article already uses this slug',
    });
    type('bad slug');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect(statuses.at(-1)).toBe('Save failed: slug: another article already uses this slug');
    expect(readBackup(storage, 'draft:a1')?.snapshot).toEqual({ text: 'bad slug' });
    type('fixed slug');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('Saved');
  });

  it('retries server errors with a reason', async () => {
    server.answers.push({ kind: 'error', reason: 'server error (500)' });
    type('x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('Save failed: server error (500), retrying…');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('Saved');
  });

  it('stops on a conflict until the user chooses; keeping mine re-saves on the new base', async () => {
    server.answers.push({ kind: 'conflict', current: { text: 'theirs' } });
    type('mine');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getStatus()).toEqual({ state: 'conflict', current: { text: 'theirs' } });
    type('mine, still typing');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1); // never silently overwrites
    expect(readBackup(storage, 'draft:a1')?.snapshot).toEqual({ text: 'mine, still typing' });
    controller.keepMine(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests[1]).toEqual({
      snapshot: { text: 'mine, still typing' },
      baseVersion: 7,
    });
    expect(controller.baseVersion).toBe(8);
  });

  it('taking the stored version drops the local copy', async () => {
    server.answers.push({ kind: 'conflict', current: { text: 'theirs' } });
    type('mine');
    await vi.advanceTimersByTimeAsync(1000);
    controller.acceptStored(5, { text: 'theirs' });
    expect(storage.data.has('draft:a1')).toBe(false);
    expect(controller.hasUnsavedChanges).toBe(false);
    controller.change(() => ({ text: 'theirs' })); // e.g. the editor re-emitting the same doc
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(1); // nothing new to send
    expect(statuses.at(-1)).toBe('Saved');
  });

  it('sends one request at a time; changes made meanwhile get their own save', async () => {
    server.holdNext();
    type('first');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('Saving…');
    type('first and second');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(1);
    server.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]).toEqual({ snapshot: { text: 'first and second' }, baseVersion: 2 });
    expect(statuses.at(-1)).toBe('Saved');
  });

  it('flush saves immediately and reports the result', async () => {
    type('publish me');
    expect(await controller.flush()).toBe('saved');
    expect(server.requests).toHaveLength(1);
    server.answers.push({ kind: 'conflict', current: { text: 'theirs' } });
    type('again');
    expect(await controller.flush()).toBe('conflict');
  });

  it('writes the browser copy at once when the page goes away', () => {
    type('unload me');
    controller.backupNow();
    expect(readBackup(storage, 'draft:a1')?.snapshot).toEqual({ text: 'unload me' });
  });
});
