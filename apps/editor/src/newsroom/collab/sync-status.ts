/** What the edit page knows about the shared document's way to the server. */
export interface SyncState {
  connected: boolean;
  /** Local changes the server has not confirmed yet (kept in this browser meanwhile). */
  unsynced: number;
  /** A local change was made since the working copy was last written. */
  awaitingSave: boolean;
  /** The last store was refused: the shared document is kept, the working copy is not written. */
  problem: string | null;
}

export type SyncLabel = 'saved' | 'syncing' | 'offline' | 'invalid';

export function syncLabel(state: SyncState): SyncLabel {
  if (!state.connected) return 'offline';
  if (state.problem) return 'invalid';
  return state.unsynced > 0 || state.awaitingSave ? 'syncing' : 'saved';
}

export function syncStatusText(state: SyncState): string {
  switch (syncLabel(state)) {
    case 'offline':
      return state.unsynced > 0
        ? `Offline: ${state.unsynced} ${state.unsynced === 1 ? 'change' : 'changes'} kept here`
        : 'Offline';
    case 'invalid':
      return `Not saved: ${state.problem}`;
    case 'syncing':
      return 'Syncing…';
    default:
      return 'Saved';
  }
}
