import { getFootnoteMarkers } from '@newsroom/article';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { noteAtSelection } from './note-navigation';

export interface ToolbarState {
  editable: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  paragraph: boolean;
  heading2: boolean;
  heading3: boolean;
  heading4: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The caret is in the notes area, where references can't go. */
  inNote: boolean;
  hasNotes: boolean;
}

/**
 * What the toolbar shows, read on every transaction; React re-renders only when a field
 * changes. Kept to selection-local checks: nothing here may walk the whole document.
 */
export function selectToolbarState(editor: Editor): ToolbarState {
  const { state } = editor;
  return {
    editable: editor.isEditable,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    link: editor.isActive('link'),
    paragraph: editor.isActive('paragraph'),
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    heading4: editor.isActive('heading', { level: 4 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
    inNote: noteAtSelection(state) !== null,
    hasNotes: getFootnoteMarkers(state).size > 0,
  };
}
