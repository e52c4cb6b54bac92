import { pasteNotice, type PasteNotice } from '@newsroom/article';
import type { DocxPackage } from './docx-package';

/**
 * What one level of Word's formatting says about Font → Hidden: true (hidden), false (shown, even
 * if a later level hides it), or undefined (it does not say: the next level decides).
 */
type Hidden = boolean | undefined;

/** The namespaces mammoth reads as WordprocessingML (transitional and strict). */
const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const NAMESPACE_DECLARATION = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/*
 * The patterns below are written with Word's own prefix, `w:`; wordSyntax reads each part with the
 * prefixes that part binds (see there). A tag's name ends at a space, `>` or `/>` (`<w:r` is never
 * `<w:rPr>`). They read the part as well-formed XML (see assertWellFormed). Each pattern reads on
 * only up to where its element must end (a broken file must not make it read to the end from
 * every tag: the XML can be 100 MB).
 */

/**
 * A tag's attributes: a quoted value may hold `>` (XML allows it: `<w:r w:x="a>b">` is one tag),
 * never `<`. Each character has one way to be read, so a tag is read in one pass.
 */
const ATTRIBUTES = String.raw`(?:[^<>"']|"[^"<]*"|'[^'<]*')*`;
const startTag = (name: string) => String.raw`<w:${name}(?=[\s>])${ATTRIBUTES}(?<!/)>`;
const emptyElement = (name: string) => String.raw`<w:${name}(?=[\s/])${ATTRIBUTES}/>`;
/** A start tag or an empty element: where only its attributes count. */
const anyTag = (name: string) => String.raw`<w:${name}(?=[\s/>])${ATTRIBUTES}>`;
const endTag = (name: string) => String.raw`</w:${name}\s*>`;
/** Any one character that does not start one of `tags` (patterns). */
const charNotAt = (...tags: string[]) => String.raw`(?:(?!${tags.join('|')})[\s\S])`;

/**
 * A tracked formatting change: it holds the OLD properties (from before an edit made with Track
 * Changes on), which Word no longer applies.
 */
const formattingChange = (name: string) =>
  `${emptyElement(name)}|${startTag(name)}${charNotAt(String.raw`</?w:${name}[\s/>]`)}*${endTag(name)}`;
const FORMATTING_CHANGE = `${formattingChange('rPrChange')}|${formattingChange('pPrChange')}`;
/** Run properties' content (tracked changes removed first: they hold an `<w:rPr>` of their own). */
const RUN_PROPERTIES_CONTENT = `(${charNotAt(String.raw`</?w:rPr[\s/>]`)}*)`;
const PARAGRAPH_TAG = String.raw`</?w:p[\s/>]`;
const PARAGRAPH_CHANGE = `(?:${formattingChange('pPrChange')})`;
/**
 * A paragraph's start tag (not an empty `<w:p/>`) with its properties, if any: their style applies
 * to the runs inside. A tracked change (`<w:pPrChange>`) inside holds a whole old `<w:pPr>`.
 */
const PARAGRAPH_START =
  startTag('p') +
  String.raw`(?:\s*${startTag('pPr')}` +
  `(?:${PARAGRAPH_CHANGE}|${charNotAt(PARAGRAPH_TAG, String.raw`<w:pPrChange[\s/>]`, endTag('pPr'))})*` +
  `${endTag('pPr')})?`;
const TABLE_CHANGE = formattingChange('tblPrChange');
/**
 * A table's start tag (not an empty `<w:tbl/>`) with its properties, if any: their table style
 * applies to the runs inside. A tracked change (`<w:tblPrChange>`) inside holds a whole old
 * `<w:tblPr>`.
 */
const TABLE_START =
  startTag('tbl') +
  String.raw`(?:\s*${startTag('tblPr')}` +
  `(?:${TABLE_CHANGE}|${charNotAt(String.raw`</?w:tbl[\s/>]`, String.raw`<w:tblPrChange[\s/>]`, endTag('tblPr'))})*` +
  `${endTag('tblPr')})?`;
/** A run with no run inside it (a text box's runs sit inside a drawing's run), up to its end. */
const INNERMOST_RUN = `${startTag('r')}${charNotAt(String.raw`<w:r[\s/>]`)}*?${endTag('r')}`;
/** Paragraph and table starts and ends and innermost runs, in document order (see withoutHiddenRuns). */
const PARAGRAPHS_AND_RUNS = `(${PARAGRAPH_START})|(${endTag('p')})|(${TABLE_START})|(${endTag('tbl')})|${INNERMOST_RUN}`;
/** A run's own properties: its first child. */
const RUN_PROPERTIES = String.raw`^${startTag('r')}\s*${startTag('rPr')}${RUN_PROPERTIES_CONTENT}${endTag('rPr')}`;
const RUN_TEXT = `${startTag('t')}([^<]*)${endTag('t')}`;
/** A style (not an empty `<w:style/>`, which says nothing): its start tag and content. */
const STYLE = `(${startTag('style')})(${charNotAt(String.raw`</?w:style[\s/>]`)}*)${endTag('style')}`;
/** Table styles' conditional formatting (first row, …) comes after the style's own properties. */
const TABLE_CONDITIONAL_FORMATTING = String.raw`<w:tblStylePr[\s/>][\s\S]*`;
const STYLE_RUN_PROPERTIES = `${startTag('rPr')}${RUN_PROPERTIES_CONTENT}${endTag('rPr')}`;
/** The document defaults' run properties: what applies when no style says otherwise. */
const DEFAULT_RUN_PROPERTIES = String.raw`${startTag('rPrDefault')}\s*${STYLE_RUN_PROPERTIES}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** An attribute's value as written (`w:val="&#49;"` is `1`); an entity that is not one stays. */
const unescapeXml = (value: string) =>
  value.replace(/&(?:#x([\da-f]{1,6})|#(\d{1,7})|(\w+));/gi, (entity, hex, decimal, name) => {
    if (name !== undefined) return XML_ENTITIES[name] ?? entity;
    const codePoint = parseInt(hex ?? decimal, hex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });

/** How one part spells WordprocessingML: the patterns above, and attributes, in its prefixes. */
interface WordSyntax {
  /** A pattern above, with `w:` standing for any of the part's prefixes (compiled once). */
  pattern: (source: string, flags?: '' | 'g') => RegExp;
  /** The start tag of the first `name` element in `xml`, or undefined. */
  startTag: (xml: string, name: string) => string | undefined;
  /** The value of attribute `name` (in either quotes) in a start tag, unescaped, or undefined. */
  attribute: (tag: string, name: string) => string | undefined;
}

/**
 * The prefixes `xml` binds to WordprocessingML: `w` as Word writes it, but XML lets a file bind
 * any prefix (or none, the default namespace, for elements), spell the namespace with character
 * references, and mammoth reads them all alike, so text hidden under another prefix would
 * otherwise show.
 */
function wordPrefixes(xml: string): Set<string> {
  const prefixes = new Set(['w']);
  for (const [, prefix, doubleQuoted, singleQuoted] of xml.matchAll(NAMESPACE_DECLARATION)) {
    // As any attribute value: `&#109;ain` is `main` to the XML parser.
    const namespace = unescapeXml(doubleQuoted ?? singleQuoted ?? '');
    if (WORD_NAMESPACES.includes(namespace)) prefixes.add(prefix ?? '');
  }
  return prefixes;
}

function wordSyntax(xml: string): WordSyntax {
  const prefixes = [...wordPrefixes(xml)];
  const qualified = (names: string[]) =>
    `(?:${names.map((prefix) => (prefix === '' ? '' : `${escapeRegExp(prefix)}:`)).join('|')})`;
  const elementPrefix = qualified(prefixes);
  // An attribute without a prefix is in no namespace (a default namespace is for elements only).
  const attributePrefix = qualified(prefixes.filter((prefix) => prefix !== ''));
  // Compiled once per part: a pattern by its source, a tag or an attribute by its name.
  const compiled = new Map<string, RegExp>();
  const once = (key: string, source: () => string, flags = '') => {
    let regExp = compiled.get(key);
    if (!regExp) compiled.set(key, (regExp = new RegExp(source(), flags)));
    return regExp;
  };
  const inPrefixes = (source: string) => source.replaceAll('w:', elementPrefix);
  return {
    pattern: (source, flags = '') => once(flags + source, () => inPrefixes(source), flags),
    startTag: (text, name) => once(`tag:${name}`, () => inPrefixes(anyTag(name))).exec(text)?.[0],
    attribute: (tag, name) => {
      const value = once(
        `attribute:${name}`,
        () => String.raw`\s${attributePrefix}${name}\s*=\s*(?:"([^"<]*)"|'([^'<]*)')`,
      ).exec(tag);
      return value ? unescapeXml(value[1] ?? value[2] ?? '') : undefined;
    },
  };
}

/**
 * One piece of markup, in the order tried: a comment, a CDATA section, a processing instruction
 * (`<?xml …?>`; it ends at `?>` and may hold `<`), a declaration (but not an unclosed comment or
 * CDATA: each `<` is read once), an end tag (1: its name), a start tag or empty element (2: its
 * name, 3: its attributes, ending in `/` if empty); else a `<` that starts none of them.
 */
const MARKUP = new RegExp(
  String.raw`<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(?!--|\[)[^<>]*>` +
    String.raw`|</([^\s<>/]+)\s*>|<([^\s<>/!?]+)(${ATTRIBUTES})>|<`,
  'g',
);

const notWellFormed = (reason: string) => new Error(`Not well-formed XML: ${reason}`);

/**
 * Throws unless each element of `xml` ends where it should and each `<` starts markup. The patterns
 * above rely on it, and mammoth's XML parser does not check it: it lets an end tag close the
 * elements left open inside (`<w:r>…</w:p>`) and takes `<` in an attribute, so text hidden in a
 * run that never ends would show. Word refuses such a file; so does the import (as damaged).
 */
function assertWellFormed(xml: string): void {
  const open: string[] = [];
  for (const [markup, endName, startName, attributes] of xml.matchAll(MARKUP)) {
    if (endName !== undefined) {
      const closed = open.pop();
      if (closed !== endName) throw notWellFormed(`</${endName}> where <${closed}> should end`);
    } else if (startName !== undefined) {
      if (!attributes!.endsWith('/')) open.push(startName);
    } else if (markup === '<') {
      throw notWellFormed('a "<" that starts no tag');
    }
  }
  if (open.length > 0) throw notWellFormed(`<${open.at(-1)}> does not end`);
}

/** Comments, CDATA sections and processing instructions other than the XML declaration. */
const UNREAD_MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?(?!xml[\s?])[\s\S]*?\?>/g;
const HOLDS_UNREAD_MARKUP = /<!|<\?(?!xml[\s?])/;

/**
 * A well-formed `xml` as mammoth reads it: without its comments, CDATA sections and processing
 * instructions (its XML reader keeps elements and text only). The patterns above read tags
 * wherever they stand, so a `<w:vanish/>` commented out would hide a run Word shows, and a
 * `<w:r>` in a comment would hide a hidden run's end from them.
 */
function withoutUnreadMarkup(xml: string): string {
  assertWellFormed(xml);
  return HOLDS_UNREAD_MARKUP.test(xml) ? xml.replace(UNREAD_MARKUP, '') : xml;
}

/** An on/off value (`w:val` of `<w:vanish>`, `w:default`): on when absent, as Word reads it. */
const isOn = (value: string | undefined) =>
  value === undefined || ['true', '1', 'on'].includes(value.trim());

/** What `properties` (a run's, a style's or the defaults' `<w:rPr>`) say about Font → Hidden. */
function vanishIn(properties: string, syntax: WordSyntax): Hidden {
  const vanish = syntax.startTag(properties, 'vanish');
  return vanish === undefined ? undefined : isOn(syntax.attribute(vanish, 'val'));
}

/** `xml` without its tracked formatting changes: the old formatting they keep no longer applies. */
const withoutFormattingChanges = (xml: string, syntax: WordSyntax) =>
  // Most runs have none: a quick test first.
  xml.includes('PrChange') ? xml.replace(syntax.pattern(FORMATTING_CHANGE, 'g'), '') : xml;

/** The levels of styles.xml that can hide a run's text, each as Word reads it. */
export interface DocumentStyles {
  /** A character style (`w:rStyle`), through its bases. */
  characterStyle: (id: string | undefined) => Hidden;
  /**
   * A paragraph style (`w:pStyle`), through its bases: the default paragraph style (usually
   * Normal) when the paragraph names none or one that does not exist.
   */
  paragraphStyle: (id: string | undefined) => Hidden;
  /**
   * A table style (`w:tblStyle`), through its bases, for the runs in the table: the default table
   * style when the table names none or one that does not exist.
   */
  tableStyle: (id: string | undefined) => Hidden;
  /** The document defaults (`w:docDefaults`): the last level Word looks at. */
  defaults: Hidden;
}

const NO_STYLES: DocumentStyles = {
  characterStyle: () => undefined,
  paragraphStyle: () => undefined,
  tableStyle: () => undefined,
  defaults: undefined,
};

interface Style {
  type: string;
  basedOn: string | undefined;
  hidden: Hidden;
}

function readStyle(startTag: string, content: string, syntax: WordSyntax): Style {
  const ownContent = content.replace(syntax.pattern(TABLE_CONDITIONAL_FORMATTING), '');
  const runProperties = syntax.pattern(STYLE_RUN_PROPERTIES).exec(ownContent)?.[1] ?? '';
  const basedOn = syntax.startTag(ownContent, 'basedOn');
  return {
    type: syntax.attribute(startTag, 'type') ?? 'paragraph',
    basedOn: basedOn === undefined ? undefined : syntax.attribute(basedOn, 'val'),
    hidden: vanishIn(runProperties, syntax),
  };
}

/**
 * What each style says about Font → Hidden through its bases: its own setting, else its base's,
 * and so on up the chain. A loop of bases says nothing more once it comes back to a style already
 * on the chain. Decided for every style in one pass, without recursion (a file can chain as many
 * bases as it likes) and without walking a chain twice (each style is asked about for many runs).
 */
function hiddenThroughBases(styles: Map<string, Style>): Map<string, Hidden> {
  const decided = new Map<string, Hidden>();
  for (const first of styles.keys()) {
    if (decided.has(first)) continue;
    // The styles from `first` up to the one that decides; each said nothing of its own before it.
    const chain = new Set<string>();
    let hidden: Hidden;
    let id: string | undefined = first;
    // A base that does not exist, or one already on the chain (a loop), says nothing.
    while (id !== undefined && styles.has(id) && !chain.has(id)) {
      if (decided.has(id)) {
        hidden = decided.get(id);
        break;
      }
      const style: Style = styles.get(id)!;
      chain.add(id);
      hidden = style.hidden;
      if (hidden !== undefined) break;
      id = style.basedOn;
    }
    for (const onChain of chain) decided.set(onChain, hidden);
  }
  return decided;
}

/** What styles.xml says about hidden text, at each level Word looks at. */
export function readStyles(stylesXml: string): DocumentStyles {
  const readable = withoutUnreadMarkup(stylesXml);
  const syntax = wordSyntax(readable);
  const xml = withoutFormattingChanges(readable, syntax);
  const styles = new Map<string, Style>();
  let defaultParagraphStyle: string | undefined;
  let defaultTableStyle: string | undefined;
  for (const [, startTag = '', content = ''] of xml.matchAll(syntax.pattern(STYLE, 'g'))) {
    const id = syntax.attribute(startTag, 'styleId');
    if (id === undefined) continue;
    const style = readStyle(startTag, content, syntax);
    styles.set(id, style);
    // Word takes the last style marked default, if several are.
    if (isOn(syntax.attribute(startTag, 'default') ?? 'false')) {
      if (style.type === 'paragraph') defaultParagraphStyle = id;
      if (style.type === 'table') defaultTableStyle = id;
    }
  }
  const decided = hiddenThroughBases(styles);
  const hiddenThrough = (id: string | undefined) =>
    id === undefined ? undefined : decided.get(id);
  /** The style `id` names if it is one of `type`, else that type's default style. */
  const styleOf = (id: string | undefined, type: string, fallback: string | undefined) =>
    hiddenThrough(id !== undefined && styles.get(id)?.type === type ? id : fallback);
  const defaults = syntax.pattern(DEFAULT_RUN_PROPERTIES).exec(xml)?.[1] ?? '';
  return {
    characterStyle: (id) => hiddenThrough(id),
    paragraphStyle: (id) => styleOf(id, 'paragraph', defaultParagraphStyle),
    tableStyle: (id) => styleOf(id, 'table', defaultTableStyle),
    defaults: vanishIn(defaults, syntax),
  };
}

/** What a paragraph's style says about its runs (its pStyle, as now: not a tracked old one). */
function paragraphHides(paragraphStart: string, styles: DocumentStyles, syntax: WordSyntax) {
  const properties = withoutFormattingChanges(paragraphStart, syntax);
  const style = syntax.startTag(properties, 'pStyle');
  return styles.paragraphStyle(style === undefined ? undefined : syntax.attribute(style, 'val'));
}

/** What a table's style says about its runs (its tblStyle, as now: not a tracked old one). */
function tableHides(tableStart: string, styles: DocumentStyles, syntax: WordSyntax) {
  const properties = tableStart.includes('PrChange')
    ? tableStart.replace(syntax.pattern(TABLE_CHANGE, 'g'), '')
    : tableStart;
  const style = syntax.startTag(properties, 'tblStyle');
  return styles.tableStyle(style === undefined ? undefined : syntax.attribute(style, 'val'));
}

/**
 * Whether a run is hidden, as Word decides it (ECMA-376's style hierarchy, from the last level
 * applied): its own properties, else its character style, else its paragraph's style, else its
 * table's style, else the document defaults; the first level that says decides.
 */
function isHiddenRun(
  run: string,
  { paragraph, table }: { paragraph: Hidden; table: Hidden },
  styles: DocumentStyles,
  syntax: WordSyntax,
): boolean {
  const current = withoutFormattingChanges(run, syntax);
  const properties = syntax.pattern(RUN_PROPERTIES).exec(current)?.[1] ?? '';
  const runStyle = syntax.startTag(properties, 'rStyle');
  return (
    vanishIn(properties, syntax) ??
    styles.characterStyle(runStyle === undefined ? undefined : syntax.attribute(runStyle, 'val')) ??
    paragraph ??
    table ??
    styles.defaults ??
    false
  );
}

/** Whether any text element `pattern` finds (its text the first group) holds words. */
const holdsWords = (xml: string, pattern: RegExp) =>
  [...xml.matchAll(pattern)].some(([, text]) => unescapeXml(text ?? '').trim() !== '');

/** `part` without its hidden runs (and its comments), and whether any of them held text. */
export function withoutHiddenRuns(
  part: string,
  styles: DocumentStyles = NO_STYLES,
): { xml: string; hiddenText: boolean } {
  const xml = withoutUnreadMarkup(part);
  const syntax = wordSyntax(xml);
  let hiddenText = false;
  // A run's paragraph is the innermost one open where it stands (a text box's paragraphs sit in a
  // run of their anchor paragraph): what each open paragraph's style says, innermost last.
  const openParagraphs: Hidden[] = [];
  // Likewise the innermost open table (tables nest in cells).
  const openTables: Hidden[] = [];
  const cleaned = xml.replace(
    syntax.pattern(PARAGRAPHS_AND_RUNS, 'g'),
    (
      token,
      paragraphStart: string | undefined,
      paragraphEnd: string | undefined,
      tableStart: string | undefined,
      tableEnd: string | undefined,
    ) => {
      if (paragraphStart !== undefined) {
        openParagraphs.push(paragraphHides(paragraphStart, styles, syntax));
        return token;
      }
      if (paragraphEnd !== undefined) {
        openParagraphs.pop();
        return token;
      }
      if (tableStart !== undefined) {
        openTables.push(tableHides(tableStart, styles, syntax));
        return token;
      }
      if (tableEnd !== undefined) {
        openTables.pop();
        return token;
      }
      const levels = {
        paragraph:
          openParagraphs.length > 0 ? openParagraphs.at(-1) : styles.paragraphStyle(undefined),
        table: openTables.at(-1),
      };
      if (!isHiddenRun(token, levels, styles, syntax)) return token;
      if (holdsWords(token, syntax.pattern(RUN_TEXT, 'g'))) hiddenText = true;
      return '';
    },
  );
  return { xml: cleaned, hiddenText };
}

/** Deleted text as Word stores a tracked deletion (mammoth leaves it out). */
const DELETED_TEXT = `${startTag('delText')}([^<]*)${endTag('delText')}`;
const COMMENT_REFERENCE = anyTag('commentReference');

/**
 * What mammoth leaves out of the text on its own, said like a paste from Word says it: tracked
 * deletions and comments (one per comment referenced in the text). Read in the part's prefixes,
 * as mammoth reads them.
 */
export function reviewNotices(documentXml: string): PasteNotice[] {
  const syntax = wordSyntax(documentXml);
  const notices: PasteNotice[] = [];
  if (holdsWords(documentXml, syntax.pattern(DELETED_TEXT, 'g'))) {
    notices.push(pasteNotice('deletionsDropped'));
  }
  const references = documentXml.matchAll(syntax.pattern(COMMENT_REFERENCE, 'g'));
  const comments = new Set([...references].map(([tag]) => syntax.attribute(tag, 'id')));
  comments.delete(undefined); // a reference to no comment
  if (comments.size > 0) notices.push(pasteNotice('commentsDropped', comments.size));
  return notices;
}

/**
 * Takes hidden text (Word's Font → Hidden), which mammoth would show, out of what mammoth will
 * read of the .docx: hidden words can hold what the author meant only for themselves (a
 * source's name). The notices say what the import leaves out of the text (hidden text, tracked
 * deletions, comments). Called on a zip already checked (see readZipContents).
 */
export async function removeHiddenRuns({ file, parts }: DocxPackage): Promise<PasteNotice[]> {
  let hiddenText = false;
  let notices: PasteNotice[] = [];
  const stylesXml = await file.text(parts.styles);
  // Any spelling of Font → Hidden contains the word (a quick test: most documents hide nothing).
  const styles = stylesXml?.includes('vanish') ? readStyles(stylesXml) : NO_STYLES;
  // The parts whose runs mammoth turns into the article's text and notes.
  for (const name of new Set([parts.mainDocument, parts.footnotes, parts.endnotes])) {
    const xml = await file.text(name);
    if (xml === undefined) continue;
    if (name === parts.mainDocument) notices = reviewNotices(xml);
    if (!xml.includes('vanish') && styles === NO_STYLES) continue;
    const cleaned = withoutHiddenRuns(xml, styles);
    if (cleaned.xml === xml) continue;
    file.replaceText(name, cleaned.xml);
    hiddenText ||= cleaned.hiddenText;
  }
  if (hiddenText) notices.push(pasteNotice('hiddenTextDropped'));
  return notices;
}
