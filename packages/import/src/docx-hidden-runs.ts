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

/**
 * The .docx without hidden text (Word's Font → Hidden), which mammoth would show: hidden words
 * can hold what the author meant only for themselves (a source's name). The bytes come back
 * unchanged when nothing is hidden. Called on a zip already checked (see readZipContents).
 */
export async function removeHiddenRuns(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; hiddenText: boolean }> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  let hiddenText = false;
  for (const name of TEXT_PARTS) {
    const part = zip.file(name);
    if (!part) continue;
    const xml = await part.async('string');
    if (!xml.includes('<w:vanish')) continue;
    const cleaned = withoutHiddenRuns(xml);
    if (cleaned.xml === xml) continue;
    zip.file(name, cleaned.xml);
    changed = true;
    hiddenText ||= cleaned.hiddenText;
  }
  if (!changed) return { bytes, hiddenText };
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), hiddenText };
}
