import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/** What each editor tells the others about themselves (the awareness `user` field). */
export interface CollabUser {
  name: string;
  color: string;
}

export interface CollabCaretsOptions {
  awareness: Awareness | null;
  user: CollabUser;
}

/** The other editor's caret: a coloured bar with their name above it. */
function caret(user: Partial<CollabUser>): HTMLElement {
  const bar = document.createElement('span');
  bar.className = 'collab-caret';
  bar.style.setProperty('--collab-color', user.color ?? '#555');
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.textContent = user.name ?? 'Someone';
  bar.append(label);
  return bar;
}

/**
 * Carets and selections of the other people in the article, with names and colours. Our own
 * extension on y-tiptap's cursor plugin (the published carets extension pins another Tiptap).
 */
export const CollabCarets = Extension.create<CollabCaretsOptions>({
  name: 'collabCarets',

  addOptions() {
    return { awareness: null, user: { name: 'Someone', color: '#555' } };
  },

  onCreate() {
    this.options.awareness?.setLocalStateField('user', this.options.user);
  },

  addProseMirrorPlugins() {
    if (!this.options.awareness) return [];
    return [
      yCursorPlugin(this.options.awareness, {
        cursorBuilder: caret,
        selectionBuilder: (user: Partial<CollabUser>) => ({
          class: 'collab-selection',
          style: `background-color: ${user.color ?? '#555'}33`,
        }),
      }),
    ];
  },
});
