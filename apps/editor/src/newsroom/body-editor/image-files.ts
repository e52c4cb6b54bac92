import { FOOTNOTES } from '@newsroom/article';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** A file dropped or pasted into the body, with where it should go. */
export type ImageFileHandler = (file: File, position: number) => void;

/** Image files of a paste or drop; SVG is left out here already (the server refuses it too). */
export function imageFilesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  return [...data.files].filter(
    (file) => file.type.startsWith('image/') && file.type !== 'image/svg+xml',
  );
}

/**
 * Pasting or dropping an image file starts an upload (through `onImageFile`, which asks for the
 * alt text first) instead of letting the browser insert anything. A paste that also carries text
 * — Word and web pages put a picture of the selection beside the HTML — is left to the normal
 * paste, so copied text never turns into an image.
 */
export const ImageFiles = Extension.create<{ onImageFile: ImageFileHandler | null }>({
  name: 'imageFiles',

  addOptions() {
    return { onImageFile: null };
  },

  addProseMirrorPlugins() {
    const { onImageFile } = this.options;
    if (!onImageFile) return [];
    return [
      new Plugin({
        key: new PluginKey('imageFiles'),
        props: {
          handlePaste(view, event) {
            const files = imageFilesOf(event.clipboardData);
            const hasText = (event.clipboardData?.getData('text/plain') ?? '').trim() !== '';
            if (files.length === 0 || hasText) return false;
            // One image at a time: each needs its own alt text.
            onImageFile(
              files[0] as File,
              imageInsertPosition(view.state.doc, view.state.selection.to),
            );
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            const files = imageFilesOf(event.dataTransfer);
            if (moved || files.length === 0) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            const position = at?.pos ?? view.state.selection.from;
            onImageFile(files[0] as File, imageInsertPosition(view.state.doc, position));
            event.preventDefault();
            return true;
          },
        },
      }),
    ];
  },
});

/**
 * Where an image for position `pos` goes: after the top-level block holding it, so a paragraph
 * is never split; before the notes block when `pos` is inside the notes (they stay last).
 */
export function imageInsertPosition(doc: ProseMirrorNode, pos: number): number {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  if ($pos.depth === 0) {
    const before = $pos.nodeBefore;
    return before?.type.name === FOOTNOTES ? $pos.pos - before.nodeSize : $pos.pos;
  }
  return $pos.node(1).type.name === FOOTNOTES ? $pos.before(1) : $pos.after(1);
}
