import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { safeColor, type CollabUser } from '@newsroom/collab';
import { cursorPluginAfterWrites, type WritesAfterFrame } from './writes-after-frame';

export interface CollabCaretsOptions {
  awareness: Awareness | null;
  user: CollabUser;
  /** Where the body's changes wait for the frame: the caret is told once they are written. */
  writes: WritesAfterFrame | null;
}

/** The other editor's caret: a coloured bar with their name above it. */
function caret(user: Partial<CollabUser>): HTMLElement {
  const bar = document.createElement('span');
  bar.className = 'collab-caret';
  bar.style.setProperty('--collab-color', safeColor(user.color));
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.textContent = user.name ?? 'Someone';
  bar.append(label);
  return bar;
}

/**
 * The awareness as the cursor plugin should see it: without our own changes. The plugin redraws
 * the others' carets on every awareness change, and ours changes with every key we press (our
 * caret moved); the others' carets did not, and the extra editor transaction per key was most
 * of what co-editing added to typing. Everything else is the awareness itself.
 */
function withoutLocalChanges(awareness: Awareness): Awareness {
  type Listener = (...args: unknown[]) => void;
  const filtered = new Map<Listener, Listener>();
  const view = Object.create(awareness) as Awareness;
  view.on = ((event: string, listener: Listener) => {
    if (event !== 'change') return awareness.on(event as 'change', listener);
    const remoteOnly: Listener = (changes, origin) => {
      if (origin !== 'local') listener(changes, origin);
    };
    filtered.set(listener, remoteOnly);
    awareness.on('change', remoteOnly);
  }) as Awareness['on'];
  view.off = ((event: string, listener: Listener) => {
    awareness.off(event as 'change', filtered.get(listener) ?? listener);
    filtered.delete(listener);
  }) as Awareness['off'];
  return view;
}

/**
 * Carets and selections of the other people in the article, with names and colours. Our own
 * extension on y-tiptap's cursor plugin (the published carets extension pins another Tiptap).
 */
export const CollabCarets = Extension.create<CollabCaretsOptions>({
  name: 'collabCarets',

  addOptions() {
    return { awareness: null, user: { name: 'Someone', color: '#555' }, writes: null };
  },

  onCreate() {
    this.options.awareness?.setLocalStateField('user', this.options.user);
  },

  addProseMirrorPlugins() {
    const { awareness, writes } = this.options;
    if (!awareness) return [];
    const carets = yCursorPlugin(withoutLocalChanges(awareness), {
      cursorBuilder: caret,
      selectionBuilder: (user: Partial<CollabUser>) => ({
        class: 'collab-selection',
        style: `background-color: color-mix(in srgb, ${safeColor(user.color)} 20%, transparent)`,
      }),
    });
    return [writes ? cursorPluginAfterWrites(carets, writes) : carets];
  },
});
