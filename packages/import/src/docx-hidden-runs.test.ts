import { pasteNotice } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import { readStyles, reviewNotices, withoutHiddenRuns } from './docx-hidden-runs';

const WORD = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT_WORD = 'http://purl.oclc.org/ooxml/wordprocessingml/main';

/** A document part with `body` inside, its prefix `w` bound to `namespace`. */
const documentXml = (body: string, namespace = WORD) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<w:document xmlns:w="${namespace}"><w:body>${body}</w:body></w:document>`;

const stylesXml = (styles: string, defaults = '') =>
  `<w:styles xmlns:w="${WORD}"><w:docDefaults><w:rPrDefault><w:rPr>${defaults}</w:rPr></w:rPrDefault></w:docDefaults>${styles}</w:styles>`;

const paragraphStyle = (id: string, basedOn: string | null, properties = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/>` +
  `${basedOn === null ? '' : `<w:basedOn w:val="${basedOn}"/>`}${properties}</w:style>`;

const HIDDEN = '<w:rPr><w:vanish/></w:rPr>';

describe('withoutHiddenRuns', () => {
  it('reads the strict namespace under any prefix (mammoth reads it as WordprocessingML)', () => {
    const xml =
      `<s:document xmlns:s="${STRICT_WORD}"><s:body><s:p><s:r><s:t>Shown.</s:t></s:r>` +
      `<s:r><s:rPr><s:vanish/></s:rPr><s:t>Secret.</s:t></s:r></s:p></s:body></s:document>`;
    const cleaned = withoutHiddenRuns(xml);
    expect(cleaned.hiddenText).toBe(true);
    expect(cleaned.xml).toContain('Shown.');
    expect(cleaned.xml).not.toContain('Secret.');
  });

  it('reads a namespace written with character references, as XML (and mammoth) reads it', () => {
    const spelt = WORD.replace('main', '&#109;ain').replace('http', '&#x68;ttp');
    const xml =
      `<q:document xmlns:q='${spelt}'><q:body><q:p><q:r><q:t>Shown.</q:t></q:r>` +
      `<q:r><q:rPr><q:vanish/></q:rPr><q:t>Secret.</q:t></q:r></q:p></q:body></q:document>`;
    const cleaned = withoutHiddenRuns(xml);
    expect(cleaned.hiddenText).toBe(true);
    expect(cleaned.xml).toContain('Shown.');
    expect(cleaned.xml).not.toContain('Secret.');
  });

  it('reads a tag whose quoted attribute holds ">", which XML allows', () => {
    const cleaned = withoutHiddenRuns(
      documentXml(`<w:p><w:r w:rsidR="a>b">${HIDDEN}<w:t>Secret.</w:t></w:r></w:p>`),
    );
    expect(cleaned.hiddenText).toBe(true);
    expect(cleaned.xml).not.toContain('Secret.');
  });

  it('reads comments and CDATA sections as mammoth does: as nothing', () => {
    const cleaned = withoutHiddenRuns(
      documentXml(
        `<w:p><w:r><w:rPr><!-- <w:vanish/> --></w:rPr><w:t>Shown.</w:t></w:r>` +
          `<w:r>${HIDDEN}<!-- <w:r> --><w:t>Secret.</w:t></w:r>` +
          `<w:r>${HIDDEN}<w:t>Also <![CDATA[</w:r>]]>secret.</w:t></w:r></w:p>`,
      ),
    );
    expect(cleaned.xml).toContain('Shown.');
    expect(cleaned.xml).not.toContain('Secret.');
    expect(cleaned.xml).not.toContain('secret.');
    expect(cleaned.hiddenText).toBe(true);
    const styles = readStyles(
      stylesXml(
        `<w:style w:type="character" w:styleId="Note"><w:rPr><!--<w:vanish/>--></w:rPr></w:style>`,
      ),
    );
    expect(styles.characterStyle('Note')).toBeUndefined();
  });

  it('reads processing instructions as mammoth does: as nothing, "<" inside them included', () => {
    const cleaned = withoutHiddenRuns(
      documentXml(
        `<?editor note a<b?><w:p><w:r><w:rPr><?x <w:vanish/>?></w:rPr><w:t>Shown.</w:t></w:r>` +
          `<w:r>${HIDDEN}<?x <w:r>?><w:t>Secret.</w:t></w:r></w:p>`,
      ),
    );
    expect(cleaned.xml).toContain('Shown.');
    expect(cleaned.xml).not.toContain('Secret.');
    expect(cleaned.xml).toMatch(/^<\?xml version="1.0"/); // the declaration stays
    expect(cleaned.hiddenText).toBe(true);
  });

  it.each([
    [
      'a run that never ends, which mammoth reads on into the next run',
      documentXml(`<w:p><w:r>${HIDDEN}<w:t>Secret.</w:t><w:r><w:t>Shown.</w:t></w:r></w:p>`),
    ],
    [
      'end tags in the wrong order',
      documentXml(`<w:p><w:r>${HIDDEN}<w:t>Secret.</w:r></w:t></w:p>`),
    ],
    [
      'a file cut short',
      documentXml(`<w:p><w:r>${HIDDEN}<w:t>Secret.</w:t></w:r></w:p>`).slice(0, -20),
    ],
    [
      'a "<" in an attribute',
      documentXml(`<w:p><w:r w:rsidR="a<b">${HIDDEN}<w:t>Secret.</w:t></w:r></w:p>`),
    ],
  ])('refuses XML that is not well-formed (%s): hidden text is never guessed at', (_, xml) => {
    expect(() => withoutHiddenRuns(xml)).toThrow(/^Not well-formed XML/);
  });
});

describe('text hidden by a table style', () => {
  const tableStyle = (id: string, properties: string, isDefault = false) =>
    `<w:style w:type="table"${isDefault ? ' w:default="1"' : ''} w:styleId="${id}">` +
    `<w:name w:val="${id}"/>${properties}</w:style>`;
  const table = (style: string | null, cells: string) =>
    `<w:tbl><w:tblPr>${style === null ? '' : `<w:tblStyle w:val="${style}"/>`}<w:tblW w:w="0" w:type="auto"/></w:tblPr>` +
    `<w:tr><w:tc>${cells}</w:tc></w:tr></w:tbl>`;
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('leaves out the text of a table whose style hides it, as Word does', () => {
    const styles = readStyles(
      stylesXml(
        tableStyle('PlainTable', '', true) +
          tableStyle('NotesTable', HIDDEN) +
          paragraphStyle('Shown', null, '<w:rPr><w:vanish w:val="0"/></w:rPr>'),
      ),
    );
    const cleaned = withoutHiddenRuns(
      documentXml(
        paragraph('Before.') +
          table('NotesTable', paragraph('Secret source.') + paragraph('Said shown.', 'Shown')) +
          table(null, paragraph('In a plain table.')) +
          paragraph('After.'),
      ),
      styles,
    );
    expect(cleaned.hiddenText).toBe(true);
    expect(cleaned.xml).not.toContain('Secret source.');
    // A paragraph style comes after the table's in Word's order: it can show text again.
    for (const shown of ['Before.', 'Said shown.', 'In a plain table.', 'After.'])
      expect(cleaned.xml).toContain(shown);
  });

  it('reads the innermost table, and the style a table has now (not a tracked old one)', () => {
    const styles = readStyles(stylesXml(tableStyle('NotesTable', HIDDEN) + tableStyle('Open', '')));
    const nested = table('NotesTable', table('Open', paragraph('Inner.')) + paragraph('Outer.'));
    const restyled =
      `<w:tbl><w:tblPr><w:tblStyle w:val="Open"/><w:tblPrChange w:id="1" w:author="A">` +
      `<w:tblPr><w:tblStyle w:val="NotesTable"/></w:tblPr></w:tblPrChange></w:tblPr>` +
      `<w:tr><w:tc>${paragraph('Restyled.')}</w:tc></w:tr></w:tbl>`;
    const cleaned = withoutHiddenRuns(documentXml(nested + restyled), styles);
    expect(cleaned.xml).toContain('Inner.');
    expect(cleaned.xml).not.toContain('Outer.');
    expect(cleaned.xml).toContain('Restyled.');
  });
});

describe('readStyles', () => {
  it('ends a loop of bases (basedOn): what the styles on it say, else the next level', () => {
    const styles = readStyles(
      stylesXml(
        paragraphStyle('Loop1', 'Loop2') +
          paragraphStyle('Loop2', 'Loop1') +
          paragraphStyle('Itself', 'Itself') +
          paragraphStyle('IntoHidingLoop', 'HidingLoop') +
          paragraphStyle('HidingLoop', 'IntoHidingLoop', HIDDEN),
        '<w:vanish/>',
      ),
    );
    expect(styles.paragraphStyle('Loop1')).toBeUndefined();
    expect(styles.paragraphStyle('Loop2')).toBeUndefined();
    expect(styles.paragraphStyle('Itself')).toBeUndefined();
    expect(styles.paragraphStyle('IntoHidingLoop')).toBe(true);
    expect(styles.defaults).toBe(true);
    const cleaned = withoutHiddenRuns(
      documentXml(
        '<w:p><w:pPr><w:pStyle w:val="Loop1"/></w:pPr><w:r><w:t>Hidden by the defaults.</w:t></w:r></w:p>',
      ),
      styles,
    );
    expect(cleaned.xml).not.toContain('Hidden by the defaults.');
  });

  it('follows a chain of 20,000 bases without overflowing the call stack', () => {
    const length = 20_000;
    const chain = Array.from({ length }, (_, index) =>
      index === length - 1
        ? paragraphStyle(`Style${index}`, null, HIDDEN)
        : paragraphStyle(`Style${index}`, `Style${index + 1}`),
    );
    const styles = readStyles(stylesXml(chain.join('')));
    for (let index = 0; index < length; index++) {
      expect(styles.paragraphStyle(`Style${index}`)).toBe(true);
    }
  });

  it('refuses styles that are not well-formed: a style that never ends could hide nothing', () => {
    const xml = stylesXml(paragraphStyle('Brief', null, HIDDEN).replace('</w:style>', ''));
    expect(() => readStyles(xml)).toThrow(/^Not well-formed XML/);
  });
});

describe('reviewNotices', () => {
  /**
   * A paragraph with a tracked deletion and two comments (one referenced twice), its elements
   * and attributes in the prefixes given, which `declarations` can bind.
   */
  const review = (element: string, attribute: string, declarations = '') =>
    `<${element}p${declarations}>` +
    `<${element}del ${attribute}id="1" ${attribute}author="Ann"><${element}r>` +
    `<${element}delText>allegedly</${element}delText></${element}r></${element}del>` +
    [0, 0, 3]
      .map(
        (id) => `<${element}r><${element}commentReference ${attribute}id="${id}"/></${element}r>`,
      )
      .join('') +
    `</${element}p>`;

  it.each([
    ['w:', documentXml(review('w:', 'w:'))],
    ['another prefix', documentXml(review('word:', 'word:', ` xmlns:word="${WORD}"`))],
    ['the default namespace', documentXml(review('', 'w:', ` xmlns="${WORD}"`))],
    ['the strict namespace', documentXml(review('s:', 's:', ` xmlns:s="${STRICT_WORD}"`))],
  ])('says tracked deletions and comments were left out, whatever the prefix: %s', (_, xml) => {
    expect(reviewNotices(xml)).toEqual([
      pasteNotice('deletionsDropped'),
      pasteNotice('commentsDropped', 2),
    ]);
  });

  it('says nothing of a deletion without words, or of no review at all', () => {
    expect(reviewNotices(documentXml('<w:p><w:r><w:delText> </w:delText></w:r></w:p>'))).toEqual(
      [],
    );
    expect(reviewNotices(documentXml('<w:p><w:r><w:t>Plain.</w:t></w:r></w:p>'))).toEqual([]);
  });
});
