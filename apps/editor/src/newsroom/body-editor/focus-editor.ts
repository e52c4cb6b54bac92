import type { Editor } from '@tiptap/core';

/**
 * Gives the editor focus right now and returns a command chain. Tiptap's `focus()` command
 * waits for the next animation frame, and keys typed straight after closing a dialog would land
 * in the dialog that is going away.
 */
export function focusedChain(editor: Editor) {
  editor.view.focus();
  return editor.chain();
}
