import { createArticleExtensions, type MarkerStyle } from '@newsroom/article';
import { Extension, type Extensions } from '@tiptap/core';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { lineBreakInNote, noteAtSelection, returnToReference } from './note-navigation';

export interface BodyEditorShortcutHandlers {
  openLinkDialog(): void;
  openNotePicker(): void;
  focusToolbar(): void;
}

export interface BodyEditorExtensionOptions {
  markerStyle: MarkerStyle;
  shortcuts: BodyEditorShortcutHandlers;
  placeholder?: string;
}

/** Shortcuts the article extensions don't bring themselves (they already bind marks and blocks). */
const BodyEditorKeymap = Extension.create<{ shortcuts: BodyEditorShortcutHandlers }>({
  name: 'bodyEditorKeymap',
  // Before the list and core keymaps, so Enter inside a note never splits it.
  priority: 1000,

  addOptions() {
    const noop = () => undefined;
    return { shortcuts: { openLinkDialog: noop, openNotePicker: noop, focusToolbar: noop } };
  },

  addKeyboardShortcuts() {
    const { shortcuts } = this.options;
    const inNote = () => noteAtSelection(this.editor.state) !== null;
    return {
      'Mod-k': () => {
        shortcuts.openLinkDialog();
        return true;
      },
      // The same keys that inserted a note bring the caret back to the text.
      'Mod-Alt-f': () =>
        inNote()
          ? this.editor.commands.command(({ state, dispatch }) =>
              returnToReference(state, dispatch),
            )
          : this.editor.commands.insertFootnote(),
      'Mod-Alt-r': () => {
        if (inNote()) return false;
        shortcuts.openNotePicker();
        return true;
      },
      Escape: () =>
        this.editor.commands.command(({ state, dispatch }) => returnToReference(state, dispatch)),
      Enter: () =>
        this.editor.commands.command(({ state, dispatch }) => lineBreakInNote(state, dispatch)),
      'Alt-F10': () => {
        shortcuts.focusToolbar();
        return true;
      },
    };
  },
});

/**
 * The article's own extensions (the schema the renderer uses, unchanged) plus editing aids
 * that add no node or mark types. No TrailingNode: it would append a paragraph after the notes
 * block, which the document schema does not allow.
 */
export function createBodyEditorExtensions(options: BodyEditorExtensionOptions): Extensions {
  return [
    ...createArticleExtensions({ markerStyle: options.markerStyle }),
    UndoRedo,
    Dropcursor.configure({ color: 'var(--body-editor-accent, #b3261e)', width: 2 }),
    Gapcursor,
    Placeholder.configure({ placeholder: options.placeholder ?? 'Write the article…' }),
    BodyEditorKeymap.configure({ shortcuts: options.shortcuts }),
  ];
}
