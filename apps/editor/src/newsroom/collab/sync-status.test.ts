import { describe, expect, it } from 'vitest';
import { syncStatusText } from './sync-status';

const base = { connected: true, unsynced: 0, awaitingSave: false, problem: null };

describe('sync status', () => {
  it('says Saved only when the server has everything and wrote the working copy', () => {
    expect(syncStatusText(base)).toBe('Saved');
    expect(syncStatusText({ ...base, unsynced: 2 })).toBe('Syncing…');
    expect(syncStatusText({ ...base, awaitingSave: true })).toBe('Syncing…');
  });

  it('counts the changes kept in the browser while offline', () => {
    expect(syncStatusText({ ...base, connected: false, unsynced: 3 })).toBe(
      'Offline: 3 changes kept here',
    );
    expect(syncStatusText({ ...base, connected: false, unsynced: 1 })).toBe(
      'Offline: 1 change kept here',
    );
    expect(syncStatusText({ ...base, connected: false })).toBe('Offline');
  });

  it('names why the working copy was not written', () => {
    expect(syncStatusText({ ...base, problem: 'title: Give the article a headline' })).toBe(
      'Not saved: title: Give the article a headline',
    );
  });
});
