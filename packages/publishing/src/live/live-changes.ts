/**
 * The one signal that what readers see of an article changed: called after the database commit
 * of every publish, update, unpublish, schedule firing and slug or section change of a live
 * article. Caches of reader pages, feeds and short links listen here.
 *
 * In-process only: each process hears the changes it made. To reach other instances, a listener
 * forwards them (e.g. over `@newsroom/shared-state`'s `changes`).
 */
export type LiveChangeReason = 'publish' | 'update' | 'unpublish' | 'schedule';

/** Where the article was / is live: its path and section (null when it was / is not live). */
export interface LiveLocation {
  path: string;
  sectionSlug: string;
}

export interface LiveChange {
  articleId: string;
  reason: LiveChangeReason;
  before: LiveLocation | null;
  after: LiveLocation | null;
  /**
   * Whether the article entered or left the lists, or moved in them (new section or dateline):
   * list pages change then, not on an edit of its text alone.
   */
  listsMoved: boolean;
}

export type LiveChangeListener = (change: LiveChange) => void | Promise<void>;

// On globalThis under a registered symbol: the editor's front server (run by tsx) and Next's
// bundled route handlers load separate copies of this module in ONE process, and a change made
// by either (a schedule firing in the server, an Update in a route) must reach both's listeners.
const LISTENERS_KEY = Symbol.for('newsroom.publishing.liveChangeListeners');
type GlobalWithListeners = typeof globalThis & { [LISTENERS_KEY]?: Set<LiveChangeListener> };

function listeners(): Set<LiveChangeListener> {
  const global = globalThis as GlobalWithListeners;
  global[LISTENERS_KEY] ??= new Set();
  return global[LISTENERS_KEY];
}

/** Hear every live change made in this process; returns the function that stops listening. */
export function onLiveChange(listener: LiveChangeListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/**
 * Tells every listener; resolves once all have finished. A failing listener is logged and does
 * not stop the others, nor the write that already happened.
 */
export async function notifyLiveChange(change: LiveChange): Promise<void> {
  await Promise.all(
    [...listeners()].map(async (listener) => {
      try {
        await listener(change);
      } catch (error) {
        console.error(`A live-change listener failed for article ${change.articleId}:`, error);
      }
    }),
  );
}
