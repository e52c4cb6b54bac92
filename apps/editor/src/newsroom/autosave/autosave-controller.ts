import { removeBackup, writeBackup, type DraftStorage } from './draft-backup';

/** What one save attempt came to, as the transport reports it. */
export type SaveOutcome<C> =
  | { kind: 'saved'; version: number }
  /** The server has a newer version: nothing was written. */
  | { kind: 'conflict'; current: C }
  /** The server refused this content (invalid, forbidden): retrying the same content won't help. */
  | { kind: 'rejected'; reason: string }
  /** No answer (offline, DNS, connection reset): retried. */
  | { kind: 'offline' }
  /** The server failed (5xx): retried. */
  | { kind: 'error'; reason: string };

export type AutosaveStatus<C> =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'offline'; retryInMs: number }
  | { state: 'failed'; reason: string; retryInMs: number | null }
  | { state: 'conflict'; current: C };

/** The words people see next to the editor. */
export function statusLabel(status: AutosaveStatus<unknown>): string {
  switch (status.state) {
    case 'idle':
      return 'All changes saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'offline':
      return 'Offline, retrying…';
    case 'failed':
      return status.retryInMs === null
        ? `Save failed: ${status.reason}`
        : `Save failed: ${status.reason}, retrying…`;
    case 'conflict':
      return 'Someone else saved this article: choose which version to keep';
  }
}

export interface AutosaveOptions<T, C> {
  storageKey: string;
  storage: DraftStorage;
  baseVersion: number;
  /** The snapshot the server holds now (so a change back to it needs no request). */
  savedSnapshot?: T;
  save: (snapshot: T, baseVersion: number) => Promise<SaveOutcome<C>>;
  onStatus?: (status: AutosaveStatus<C>) => void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Quiet time before the browser copy is refreshed (cheaper than a save, so sooner). */
  backupDelayMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  now?: () => number;
}

export type FlushResult = 'saved' | 'conflict' | 'failed';

/**
 * Autosave without React: debounced saves carrying the base version, one request at a time,
 * retries with exponential backoff, a browser copy of anything not yet saved, and a conflict
 * state that stops saving until the user picks a version. The caller hands over a reader
 * (`() => snapshot`) on each change, so the document is serialised only when needed.
 */
export class AutosaveController<T, C> {
  baseVersion: number;
  private status: AutosaveStatus<C> = { state: 'idle' };
  private read: (() => T) | null = null;
  private changeSeq = 0;
  private savedSeq = 0;
  private savedJson: string | null;
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  private attempt = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private backupTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: AutosaveOptions<T, C>) {
    this.baseVersion = options.baseVersion;
    this.savedJson =
      options.savedSnapshot === undefined ? null : JSON.stringify(options.savedSnapshot);
  }

  getStatus() {
    return this.status;
  }

  get hasUnsavedChanges() {
    return this.changeSeq !== this.savedSeq;
  }

  /** Something changed; `read` returns the whole current snapshot when called. */
  change(read: () => T) {
    if (this.disposed) return;
    this.read = read;
    this.changeSeq++;
    this.scheduleBackup();
    if (this.status.state === 'conflict') return; // saving waits for the user's choice
    if (this.retryTimer) return; // the scheduled retry will send the newest snapshot
    if (this.status.state !== 'saving') this.setStatus({ state: 'pending' });
    this.clearTimer('debounceTimer');
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.saveNow();
    }, this.options.debounceMs ?? 1000);
  }

  /** Saves now, waiting for the result (before publishing or restoring). */
  async flush(): Promise<FlushResult> {
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    await this.saveNow();
    while (this.inFlight) await this.inFlight;
    if (this.status.state === 'conflict') return 'conflict';
    return this.hasUnsavedChanges ? 'failed' : 'saved';
  }

  /** The browser is back online: retry at once instead of waiting out the backoff. */
  online() {
    if (!this.retryTimer) return;
    this.clearTimer('retryTimer');
    void this.saveNow();
  }

  /** Writes the browser copy right away (page hide / unload). */
  backupNow() {
    this.clearTimer('backupTimer');
    if (!this.hasUnsavedChanges || !this.read) return;
    writeBackup(this.options.storage, this.options.storageKey, {
      baseVersion: this.baseVersion,
      savedAt: this.now(),
      snapshot: this.read(),
    });
  }

  /** Shows a conflict found outside a save (e.g. publishing a version someone replaced). */
  reportConflict(current: C) {
    this.setStatus({ state: 'conflict', current });
  }

  /** "Keep mine": save the user's version on top of the stored one. */
  keepMine(currentVersion: number) {
    this.baseVersion = currentVersion;
    this.savedJson = null; // the server holds their version, so ours must be sent
    this.setStatus({ state: 'pending' });
    void this.saveNow();
  }

  /**
   * The page now shows exactly what the server stores (after "take theirs", a restore or a
   * publish): forget local changes and continue from `version`.
   */
  acceptStored(version: number, snapshot: T) {
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('backupTimer');
    this.baseVersion = version;
    this.savedJson = JSON.stringify(snapshot);
    this.savedSeq = this.changeSeq;
    this.attempt = 0;
    removeBackup(this.options.storage, this.options.storageKey);
    this.setStatus({ state: 'saved', at: this.now() });
  }

  dispose() {
    this.disposed = true;
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.backupNow();
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) {
      this.saveAgain = true;
      return this.inFlight;
    }
    if (!this.hasUnsavedChanges || !this.read || this.inConflict()) return;
    this.inFlight = this.attemptSave(this.read).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    if (this.saveAgain && !this.disposed) {
      this.saveAgain = false;
      if (this.hasUnsavedChanges && !this.retryTimer && !this.inConflict()) await this.saveNow();
    }
  }

  private async attemptSave(read: () => T) {
    const seq = this.changeSeq;
    const snapshot = read();
    const json = JSON.stringify(snapshot);
    if (json === this.savedJson) return this.markSaved(seq);
    const baseVersion = this.baseVersion;
    writeBackup(this.options.storage, this.options.storageKey, {
      baseVersion,
      savedAt: this.now(),
      snapshot,
    });
    this.setStatus({ state: 'saving' });
    let outcome: SaveOutcome<C>;
    try {
      outcome = await this.options.save(snapshot, baseVersion);
    } catch {
      outcome = { kind: 'offline' };
    }
    if (this.disposed) return;
    switch (outcome.kind) {
      case 'saved':
        this.baseVersion = outcome.version;
        this.savedJson = json;
        return this.markSaved(seq);
      case 'conflict':
        this.attempt = 0;
        return this.setStatus({ state: 'conflict', current: outcome.current });
      case 'rejected':
        // Kept in the browser; the next edit tries again (the user may be fixing the problem).
        this.attempt = 0;
        return this.setStatus({ state: 'failed', reason: outcome.reason, retryInMs: null });
      case 'offline':
      case 'error':
        return this.scheduleRetry(outcome.kind === 'error' ? outcome.reason : null);
    }
  }

  private markSaved(seq: number) {
    this.savedSeq = seq;
    this.attempt = 0;
    if (this.changeSeq === seq) {
      this.clearTimer('backupTimer');
      removeBackup(this.options.storage, this.options.storageKey);
      this.setStatus({ state: 'saved', at: this.now() });
    } else {
      // Typed while the request was out: their debounce timer is running and saves them.
      this.setStatus({ state: 'pending' });
    }
  }

  private scheduleRetry(serverError: string | null) {
    const initial = this.options.retryInitialMs ?? 1000;
    const max = this.options.retryMaxMs ?? 30_000;
    const delay = Math.min(max, initial * 2 ** this.attempt);
    this.attempt++;
    this.setStatus(
      serverError === null
        ? { state: 'offline', retryInMs: delay }
        : { state: 'failed', reason: serverError, retryInMs: delay },
    );
    this.clearTimer('retryTimer');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.saveNow();
    }, delay);
  }

  private scheduleBackup() {
    if (this.backupTimer) return; // at most one backup per delay while typing
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      this.backupNow();
    }, this.options.backupDelayMs ?? 300);
  }

  private clearTimer(name: 'debounceTimer' | 'backupTimer' | 'retryTimer') {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }

  private inConflict() {
    return this.status.state === 'conflict';
  }

  private setStatus(status: AutosaveStatus<C>) {
    this.status = status;
    this.options.onStatus?.(status);
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }
}
