import {
  createArticleExtensions,
  IMAGE,
  Image,
  type MarkerStyle,
  OfficePaste,
  type PasteNotice,
} from '@newsroom/article';
import { Extension, type Extensions } from '@tiptap/core';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { ImageFiles, type ImageFileHandler } from './image-files';
import { imageNodeView } from './image-node-view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { bodyFragment } from '@newsroom/collab';
import type { CollabUser } from '@newsroom/collab';
import { CollabCarets } from '../collab/collab-carets';
import { createSharedBody } from '../collab/shared-body';
import type { WritesAfterFrame } from '../collab/writes-after-frame';
import { lineBreakInNote, noteAtSelection, returnToReference } from './note-navigation';

export interface BodyEditorShortcutHandlers {
  openLinkDialog(): void;
  openNotePicker(): void;
  focusToolbar(): void;
  openImageDialog?(): void;
}

/** Where images meet the page: editing one (its position) and a pasted or dropped file. */
export interface BodyEditorImageHandlers {
  onEditImage(position: number): void;
  onImageFile: ImageFileHandler;
}

export interface BodyEditorExtensionOptions {
  markerStyle: MarkerStyle;
  shortcuts: BodyEditorShortcutHandlers;
  placeholder?: string;
  /** What a paste could not carry over (e.g. Google Docs' footnotes), to show the writer. */
  onPasteNotices?: (notices: PasteNotice[]) => void;
  images?: BodyEditorImageHandlers;
  /**
   * Live co-editing: the body is the shared document's fragment (no initial content then).
   * `writes`: the session's, where this editor's changes wait for the frame that shows them
   * (without, each is written inside the key press).
   */
  collaboration?: {
    doc: Y.Doc;
    awareness: Awareness | null;
    user: CollabUser;
    writes?: WritesAfterFrame;
  };
}

/** Transactions that bring another editor's changes into ours (y-tiptap marks them). */
const isRemoteTransaction = (tr: { getMeta(key: unknown): unknown }) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

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
      'Mod-Alt-i': () => {
        if (inNote() || !shortcuts.openImageDialog) return false;
        shortcuts.openImageDialog();
        return true;
      },
    };
  },
});

/**
 * The article's own extensions (the schema the renderer uses, unchanged) plus editing aids
 * that add no node or mark types (paste from Word and Google Docs among them). No TrailingNode: it would append a paragraph after the notes
 * block, which the document schema does not allow.
 */
export function createBodyEditorExtensions(options: BodyEditorExtensionOptions): Extensions {
  const { images, collaboration } = options;
  const articleExtensions = createArticleExtensions({
    markerStyle: options.markerStyle,
    isRemoteTransaction,
  });
  return [
    // The same image node (schema unchanged), shown through the editor's node view.
    ...articleExtensions.map((extension) =>
      extension.name === IMAGE
        ? Image.extend({
            addNodeView: () => imageNodeView(images?.onEditImage ?? (() => undefined)),
          })
        : extension,
    ),
    ImageFiles.configure({ onImageFile: images?.onImageFile ?? null }),
    // Under co-editing, undo is the collaboration extension's: it undoes only your own changes.
    ...(collaboration
      ? [
          ...createSharedBody(bodyFragment(collaboration.doc), collaboration.writes ?? null),
          CollabCarets.configure({
            awareness: collaboration.awareness,
            user: collaboration.user,
            writes: collaboration.writes ?? null,
          }),
        ]
      : [UndoRedo]),
    Dropcursor.configure({ color: 'var(--body-editor-accent, #b3261e)', width: 2 }),
    Gapcursor,
    Placeholder.configure({ placeholder: options.placeholder ?? 'Write the article…' }),
    BodyEditorKeymap.configure({ shortcuts: options.shortcuts }),
    OfficePaste.configure({ onNotices: options.onPasteNotices ?? (() => undefined) }),
  ];
}
