import { articleToYDoc, metaMap, upgradeLegacyTextFields } from '@newsroom/collab';
import { collabArticleWith } from '@newsroom/collab/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localCopyCanShow, sameFact, type Peer } from './collab-session';
import type { SyncState } from './sync-status';

const sync = (patch: Partial<SyncState> = {}): SyncState => ({
  connected: true,
  unsynced: 0,
  awaitingSave: false,
  problem: null,
  ...patch,
});
const peer = (clientId: number, name = 'Ada', color = '#a51d1d'): Peer => ({
  clientId,
  user: { name, color },
});

describe('sameFact (when the edit page is told about a change)', () => {
  it('a change confirmed while the working copy is still to be written shows the same', () => {
    const typing = sync({ unsynced: 1, awaitingSave: true });
    expect(sameFact('sync', typing, sync({ unsynced: 0, awaitingSave: true }))).toBe(true);
    expect(sameFact('sync', typing, sync({ unsynced: 2, awaitingSave: true }))).toBe(true);
  });

  it('what the status shows changing is a change', () => {
    const typing = sync({ awaitingSave: true });
    expect(sameFact('sync', typing, sync())).toBe(false);
    expect(sameFact('sync', typing, sync({ connected: false }))).toBe(false);
    // Offline, the number of changes kept here is shown.
    const offline = sync({ connected: false, unsynced: 1 });
    expect(sameFact('sync', offline, sync({ connected: false, unsynced: 2 }))).toBe(false);
    expect(sameFact('sync', typing, sync({ awaitingSave: true, problem: 'slug: taken' }))).toBe(
      false,
    );
  });

  it('peers are the same people with the same names and colours, in order', () => {
    expect(sameFact('peers', [peer(1), peer(2)], [peer(1), peer(2)])).toBe(true);
    expect(sameFact('peers', [peer(1)], [peer(1), peer(2)])).toBe(false);
    expect(sameFact('peers', [peer(1)], [peer(2)])).toBe(false);
    expect(sameFact('peers', [peer(1)], [peer(1, 'Grace')])).toBe(false);
    expect(sameFact('peers', [peer(1)], [peer(1, 'Ada', 'red')])).toBe(false);
  });

  it('other fields compare by value; a field not in the patch is unchanged', () => {
    expect(sameFact('errors', [], [])).toBe(true);
    expect(sameFact('errors', [], [{ path: 'slug', message: 'taken' }])).toBe(false);
    expect(sameFact('version', 3, 3)).toBe(true);
    expect(sameFact('version', 3, 4)).toBe(false);
    expect(sameFact('ready', false, undefined)).toBe(true);
  });
});

describe('localCopyCanShow (the page shows this browser’s copy before the server answers)', () => {
  const article = collabArticleWith({ title: '', slug: 'storm' });

  it('shows a copy holding the article, not an empty one', () => {
    expect(localCopyCanShow(articleToYDoc({ ...article, title: 'Storm' }))).toBe(true);
    expect(localCopyCanShow(new Y.Doc())).toBe(false);
  });

  it('waits for the server with a copy from before the headline was a text', () => {
    const old = articleToYDoc(article);
    metaMap(old).set('title', 'Storm');
    expect(localCopyCanShow(old)).toBe(false);
    upgradeLegacyTextFields(old); // as the server does
    expect(localCopyCanShow(old)).toBe(true);
    // An old value the copy still sets later changes nothing: the text was written.
    metaMap(old).set('title', 'Storm, typed offline the old way');
    expect(localCopyCanShow(old)).toBe(true);
  });
});
