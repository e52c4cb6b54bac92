import { pasteNotice, type PasteNotice } from '@newsroom/article';
import JSZip from 'jszip';

/** The parts of a .docx whose runs mammoth turns into the article's text and notes. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * A run with no run inside it (a text box's runs sit inside a drawing's run): `<w:r>` or
 * `<w:r …>`, never `<w:rPr>`, up to its own end.
 */
const INNERMOST_RUN = /<w:r(?:\s[^>]*)?>(?:(?!<w:r[\s>/])[\s\S])*?<\/w:r>/g;
/** Font → Hidden as a run or style property: `<w:vanish/>`, or switched on or off explicitly. */
const VANISH = /<w:vanish(?:\s+w:val="([^"]*)")?\s*\/>/;
const RUN_PROPERTIES = /^<w:r(?:\s[^>]*)?>\s*<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*)<\/w:rPr>/;
const RUN_STYLE = /<w:rStyle\s+w:val="([^"]*)"/;
/** A paragraph with no paragraph inside it (a text box's paragraphs sit inside a drawing). */
const INNERMOST_PARAGRAPH = /<w:p(?:\s[^>]*)?>(?:(?!<w:p[\s>/])[\s\S])*?<\/w:p>/g;
const PARAGRAPH_STYLE =
  /^<w:p(?:\s[^>]*)?>\s*<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:pStyle\s+w:val="([^"]*)"/;
const RUN_TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;

/** True, false, or undefined when `properties` do not say (the style, or its base, decides). */
function vanishIn(properties: string): boolean | undefined {
  const vanish = VANISH.exec(properties);
  if (!vanish) return undefined;
  return vanish[1] === undefined || ['true', '1', 'on'].includes(vanish[1]);
}

/** Ids of the styles (character and paragraph) that hide their text, through their bases too. */
export function hiddenStyleIds(stylesXml: string): Set<string> {
  const styles = new Map<string, { basedOn?: string; vanish?: boolean }>();
  for (const [style] of stylesXml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)) {
    const id = /\bw:styleId="([^"]*)"/.exec(style)?.[1];
    if (id === undefined) continue;
    const runProperties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(style)?.[1] ?? '';
    const basedOn = /<w:basedOn\s+w:val="([^"]*)"/.exec(style)?.[1];
    styles.set(id, { basedOn, vanish: vanishIn(runProperties) });
  }
  const hides = (id: string | undefined, seen = new Set<string>()): boolean => {
    const style = id === undefined ? undefined : styles.get(id);
    if (!style || seen.has(id!)) return false; // unknown, or a loop of bases
    seen.add(id!);
    return style.vanish ?? hides(style.basedOn, seen);
  };
  return new Set([...styles.keys()].filter((id) => hides(id)));
}

const hasText = (run: string) =>
  [...run.matchAll(RUN_TEXT)].some(([, text]) => (text ?? '').trim() !== '');

/**
 * Whether a run is hidden: its own Font → Hidden decides, else its character style, else its
 * paragraph's style (as in Word).
 */
function isHiddenRun(run: string, hiddenStyles: Set<string>, paragraphHidden: boolean): boolean {
  const properties = RUN_PROPERTIES.exec(run)?.[1] ?? '';
  const own = vanishIn(properties);
  if (own !== undefined) return own;
  const runStyle = RUN_STYLE.exec(properties)?.[1];
  if (runStyle !== undefined && hiddenStyles.has(runStyle)) return true;
  return paragraphHidden;
}

/** `xml` without its hidden runs, and whether any of them held text. */
export function withoutHiddenRuns(
  xml: string,
  hiddenStyles: Set<string> = new Set(),
): { xml: string; hiddenText: boolean } {
  let hiddenText = false;
  const removeHidden = (text: string, paragraphHidden: boolean) =>
    text.replace(INNERMOST_RUN, (run) => {
      if (!isHiddenRun(run, hiddenStyles, paragraphHidden)) return run;
      if (hasText(run)) hiddenText = true;
      return '';
    });
  // Paragraph by paragraph first (their style may hide their runs), then the runs of paragraphs
  // that hold others (a text box's anchor), by their own and character style.
  const cleaned = removeHidden(
    xml.replace(INNERMOST_PARAGRAPH, (paragraph) => {
      const style = PARAGRAPH_STYLE.exec(paragraph)?.[1];
      return removeHidden(paragraph, style !== undefined && hiddenStyles.has(style));
    }),
    false,
  );
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
  const styles = await zip.file('word/styles.xml')?.async('string');
  const hiddenStyles = styles?.includes('<w:vanish') ? hiddenStyleIds(styles) : new Set<string>();
  for (const name of TEXT_PARTS) {
    const part = zip.file(name);
    if (!part) continue;
    const xml = await part.async('string');
    if (name === 'word/document.xml') notices = reviewNotices(xml);
    if (!xml.includes('<w:vanish') && hiddenStyles.size === 0) continue;
    const cleaned = withoutHiddenRuns(xml, hiddenStyles);
    if (cleaned.xml === xml) continue;
    zip.file(name, cleaned.xml);
    changed = true;
    hiddenText ||= cleaned.hiddenText;
  }
  if (hiddenText) notices.push(pasteNotice('hiddenTextDropped'));
  if (!changed) return { bytes, notices };
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), notices };
}
