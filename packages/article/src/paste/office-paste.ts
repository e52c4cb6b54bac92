import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { carryNotes, hasNoteFor } from '../footnotes/footnote-plugin';
import { withoutControlCharacters } from '../validation/plain-text';
import { sliceWithoutControlCharacters } from './control-characters';
import { cleanPastedHtml } from './clean-pasted-html';
import {
  notesCarryingSerializer,
  pastedReferenceIds,
  readCopiedNotes,
  withoutCopiedNotes,
} from './copied-notes';
import { isBlank, platformHtmlParser } from './dom';
import { type PasteNotice, pasteNotice } from './paste-notices';
import { lostLinkCount } from './pasted-links';
import { pasteCleanedHtml, pasteIntoNote, selectionInNote } from './paste-transaction';
import { parseCleanedNotes } from './schema-content';

export interface OfficePasteOptions {
  /** Told what a paste could not carry over (e.g. Google Docs' footnotes). */
  onNotices: (notices: PasteNotice[]) => void;
}

export const officePastePluginKey = new PluginKey('officePaste');

/**
 * Paste from Word and Google Docs into the article schema: footnotes become notes, lists real
 * lists, Office residue goes (see `cleanPastedHtml`). Any paste into a note stays in the note.
 * No paste brings control characters (Word's manual line break arrives as U+000B).
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
    const { schema } = this.editor;
    let currentView: EditorView | null = null;
    return [
      new Plugin({
        key: officePastePluginKey,
        view(view) {
          currentView = view;
          return { destroy: () => (currentView = null) };
        },
        props: {
          // A copy carries the notes of the references it holds (see copied-notes).
          clipboardSerializer: notesCarryingSerializer(schema, () => currentView?.state ?? null),
          // Any other paste (plain text, HTML from elsewhere) loses them too: invisible here,
          // and a save refuses them (see withoutControlCharacters).
          transformPastedText: (text) => withoutControlCharacters(text),
          transformPastedHTML: (html) => withoutCopiedNotes(withoutControlCharacters(html)),
          // Once parsed too: `&#11;` in the HTML is a control character only after decoding.
          transformPasted: (slice) => sliceWithoutControlCharacters(slice),
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
              // Into a note, the text comes without its notes (a note cannot hold notes): said.
              const notesLeftOut =
                selectionInNote(view.state) &&
                parseCleanedNotes(cleaned, view.state.schema).length > 0;
              view.dispatch(pasteCleanedHtml(view.state, cleaned));
              const notices = notesLeftOut
                ? [...cleaned.notices, pasteNotice('notesInNote')]
                : cleaned.notices;
              if (notices.length > 0) onNotices(notices);
              return true;
            }
            // Any other HTML is pasted as before, but its pictures cannot come along (the schema
            // takes stored images only): say so rather than lose them silently. A picture alone
            // (no text) is left to whatever handles image files.
            const hasText = (event.clipboardData?.getData('text/plain') ?? '').trim() !== '';
            const notices: PasteNotice[] = [];
            if (!cleaned && hasText && /<img\b/i.test(html ?? ''))
              notices.push(pasteNotice('imagesDropped'));
            // Its links keep their words only where the address is not one we store (the link
            // mark's parseHTML refuses them): said, as the cleaning above says it.
            const lostLinks = !cleaned && html ? lostLinkCount(platformHtmlParser()(html).body) : 0;
            if (lostLinks > 0) notices.push(pasteNotice('linksDropped', lostLinks));
            if (!cleaned && html && !selectionInNote(view.state))
              notices.push(...carryCopiedNotes(view, html));
            if (notices.length > 0) onNotices(notices);
            if (selectionInNote(view.state) && !onlyAFile) {
              view.dispatch(pasteIntoNote(view.state, slice));
              return true;
            }
            return false;
          },
        },
      }),
    ];

    /**
     * Text copied from an article brings its notes (see copied-notes); a reference whose note
     * did not come along (another article's, copied before notes were carried) is dropped by
     * the footnote plugin, and said.
     */
    function carryCopiedNotes(view: EditorView, html: string): PasteNotice[] {
      const carried = readCopiedNotes(html, schema);
      if (carried.length > 0) view.dispatch(carryNotes(view.state.tr, carried));
      const lost = pastedReferenceIds(html).filter((id) => !hasNoteFor(view.state, id));
      return lost.length > 0 ? [pasteNotice('notesOfAnotherArticle', lost.length)] : [];
    }
  },
});
