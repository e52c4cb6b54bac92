import { pasteNotice, type PasteNotice } from '@newsroom/article';
import JSZip from 'jszip';

/** The parts of a .docx whose runs mammoth turns into the article's text and notes. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * A run with no run inside it (a text box's runs sit inside a drawing's run): `<w:r>` or
 * `<w:r …>`, never `<w:rPr>`, up to its own end.
 */
const INNERMOST_RUN = /<w:r(?:\s[^>]*)?>(?:(?!<w:r[\s>/])[\s\S])*?<\/w:r>/g;
/** Font → Hidden: `<w:vanish/>` (or switched on explicitly) in the run's own properties. */
const HIDDEN_PROPERTIES =
  /^<w:r(?:\s[^>]*)?>\s*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/;
const RUN_TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;

const hasText = (run: string) =>
  [...run.matchAll(RUN_TEXT)].some(([, text]) => (text ?? '').trim() !== '');

/** `xml` without its hidden runs, and whether any of them held text. */
export function withoutHiddenRuns(xml: string): { xml: string; hiddenText: boolean } {
  let hiddenText = false;
  const cleaned = xml.replace(INNERMOST_RUN, (run) => {
    if (!HIDDEN_PROPERTIES.test(run)) return run;
    if (hasText(run)) hiddenText = true;
    return '';
  });
  return { xml: cleaned, hiddenText };
}

/** Deleted text as Word stores a tracked deletion (mammoth leaves it out). */
const DELETED_TEXT = /<w:delText(?:\s[^>]*)?>[^<]*\S[^<]*<\/w:delText>/;
const COMMENT_REFERENCE = /<w:commentReference\b[^>]*\bw:id="([^"]*)"/g;

/**
 * What mammoth leaves out of the text on its own, said like a paste from Word says it: tracked
 * deletions and comments (one per comment referenced in the text).
 */
export function reviewNotices(documentXml: string): PasteNotice[] {
  const notices: PasteNotice[] = [];
  if (DELETED_TEXT.test(documentXml)) notices.push(pasteNotice('deletionsDropped'));
  const comments = new Set([...documentXml.matchAll(COMMENT_REFERENCE)].map(([, id]) => id));
  if (comments.size > 0) notices.push(pasteNotice('commentsDropped', comments.size));
  return notices;
}

/**
 * The .docx without hidden text (Word's Font → Hidden), which mammoth would show: hidden words
 * can hold what the author meant only for themselves (a source's name). The bytes come back
 * unchanged when nothing is hidden; the notices say what the import leaves out of the text
 * (hidden text, tracked deletions, comments). Called on a zip already checked (see
 * readZipContents).
 */
export async function removeHiddenRuns(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; notices: PasteNotice[] }> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  let hiddenText = false;
  let notices: PasteNotice[] = [];
  for (const name of TEXT_PARTS) {
    const part = zip.file(name);
    if (!part) continue;
    const xml = await part.async('string');
    if (name === 'word/document.xml') notices = reviewNotices(xml);
    if (!xml.includes('<w:vanish')) continue;
    const cleaned = withoutHiddenRuns(xml);
    if (cleaned.xml === xml) continue;
    zip.file(name, cleaned.xml);
    changed = true;
    hiddenText ||= cleaned.hiddenText;
  }
  if (hiddenText) notices.push(pasteNotice('hiddenTextDropped'));
  if (!changed) return { bytes, notices };
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), notices };
}
