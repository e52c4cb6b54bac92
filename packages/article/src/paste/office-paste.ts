import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './clean-pasted-html';
import { isBlank } from './dom';
import type { PasteNotice } from './paste-notices';
import { pasteCleanedHtml, pasteIntoNote, selectionInNote } from './paste-transaction';

export interface OfficePasteOptions {
  /** Told what a paste could not carry over (e.g. Google Docs' footnotes). */
  onNotices: (notices: PasteNotice[]) => void;
}

export const officePastePluginKey = new PluginKey('officePaste');

/**
 * Paste from Word and Google Docs into the article schema: footnotes become notes, lists real
 * lists, Office residue goes (see `cleanPastedHtml`). Any paste into a note stays in the note.
 */
export const OfficePaste = Extension.create<OfficePasteOptions>({
  name: 'officePaste',
  // Before the link extension's paste handler and the default paste.
  priority: 1100,

  addOptions() {
    return { onNotices: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onNotices } = this.options;
    return [
      new Plugin({
        key: officePastePluginKey,
        props: {
          handlePaste(view, event, slice) {
            const html = event.clipboardData?.getData('text/html');
            // Images are left out (with a notice): Word's are local file: paths, Google's are
            // hotlinks, and images belong in the upload pipeline (storage, alt text, credit).
            const cleaned = html ? cleanPastedHtml(html) : null;
            // A copied picture alone (Word puts its HTML beside the image file): the file is the
            // content, for whatever handles image files.
            const onlyAFile =
              cleaned !== null &&
              isBlank(cleaned.body.textContent) &&
              (event.clipboardData?.files.length ?? 0) > 0;
            if (cleaned && !onlyAFile) {
              view.dispatch(pasteCleanedHtml(view.state, cleaned));
              if (cleaned.notices.length > 0) onNotices(cleaned.notices);
              return true;
            }
            if (selectionInNote(view.state) && !onlyAFile) {
              view.dispatch(pasteIntoNote(view.state, slice));
              return true;
            }
            return false;
          },
        },
      }),
    ];
  },
});
