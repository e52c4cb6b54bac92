import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { DOCUMENT_LIMITS, pasteNotice } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import { importDocument } from './import-document';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import { readZipContents } from './zip-contents';

/** A real .docx, written by the `docx` package: what Word would save. */
async function writeDocx(options: {
  children: (Paragraph | Table)[];
  footnotes?: Record<number, string>;
  endnotes?: Record<number, string>;
}): Promise<Uint8Array> {
  const notes = (texts: Record<number, string> = {}) =>
    Object.fromEntries(
      Object.entries(texts).map(([id, text]) => [
        id,
        { children: [new Paragraph({ children: [new TextRun(text)] })] },
      ]),
    );
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'numbers',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    footnotes: notes(options.footnotes),
    endnotes: notes(options.endnotes),
    sections: [{ children: options.children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const notesOf = (doc: JSONContent) => {
  const last = doc.content!.at(-1)!;
  return last.type === 'footnotes' ? last.content! : [];
};
const noteIdsReferenced = (doc: JSONContent) =>
  [...JSON.stringify(doc).matchAll(/"noteId":"([^"]+)"/g)].map((match) => match[1]);
const textOf = (node: JSONContent): string =>
  node.text ?? (node.content ?? []).map(textOf).join('');

describe('importing a .docx', () => {
  it('imports an empty Word footnote as it is, and says publishing will refuse it', async () => {
    const bytes = await writeDocx({
      footnotes: { 1: 'A source.', 2: '' },
      children: [
        new Paragraph({
          children: [
            new TextRun('Claimed'),
            new FootnoteReferenceRun(1),
            new TextRun(' and noted'),
            new FootnoteReferenceRun(2),
            new TextRun('.'),
          ],
        }),
      ],
    });
    const imported = await importDocument({ fileName: 'notes.docx', bytes });
    expect(notesOf(imported.doc)).toHaveLength(2);
    expect(imported.notices).toContainEqual({
      code: 'emptyNotes',
      message: 'Note 2 is empty: write it, or delete its marker, before publishing',
    });
  });

  it('makes the title the headline and keeps headings, lists, links, bold, italic and footnotes', async () => {
    const bytes = await writeDocx({
      footnotes: { 1: 'First note.', 2: 'Second note.' },
      children: [
        new Paragraph({ text: 'Ceasefire talks resume', heading: HeadingLevel.TITLE }),
        new Paragraph({
          children: [
            new TextRun('The Taliban'),
            new FootnoteReferenceRun(1),
            new TextRun(' met '),
            new TextRun({ text: 'officials', bold: true }),
            new TextRun(' in '),
            new TextRun({ text: 'Doha', italics: true }),
            new FootnoteReferenceRun(2),
            new TextRun('. '),
            new ExternalHyperlink({
              link: 'https://example.com/report',
              children: [new TextRun('Report')],
            }),
          ],
        }),
        new Paragraph({ text: 'Background', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Point one', bullet: { level: 0 } }),
        new Paragraph({ text: 'Point one a', bullet: { level: 1 } }),
        new Paragraph({ text: 'Step', numbering: { reference: 'numbers', level: 0 } }),
      ],
    });
    const imported = await importDocument({ fileName: 'talks.docx', bytes });
    expect(imported.title).toBe('Ceasefire talks resume');
    const types = imported.doc.content!.map((node) => node.type);
    expect(types).toEqual(['paragraph', 'heading', 'bulletList', 'orderedList', 'footnotes']);
    expect(imported.doc.content![1]).toMatchObject({ attrs: { level: 2 } });
    expect(imported.doc.content![2]!.content![0]!.content!.map((node) => node.type)).toEqual([
      'paragraph',
      'bulletList',
    ]);
    expect(textOf(imported.doc.content![2]!)).toBe('Point onePoint one a');
    const paragraph = JSON.stringify(imported.doc.content![0]);
    expect(paragraph).toContain('{"type":"bold"}');
    expect(paragraph).toContain('{"type":"italic"}');
    expect(paragraph).toContain('"href":"https://example.com/report"');
    expect(notesOf(imported.doc).map(textOf)).toEqual(['First note.', 'Second note.']);
    expect(noteIdsReferenced(imported.doc)).toEqual(
      notesOf(imported.doc).map((note) => note.attrs!.id),
    );
  });

  it('says which tables and formatting an article cannot hold (the words stay)', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const bytes = await writeDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('Prices '),
            new TextRun({ text: 'rose', underline: {} }),
            new TextRun(' by '),
            new TextRun({ text: 'ten', strike: true }),
            new TextRun(' twelve per cent in 2'),
            new TextRun({ text: 'nd', superScript: true }),
            new TextRun(' quarter.'),
          ],
        }),
        new Table({ rows: [new TableRow({ children: [cell('Bread'), cell('3.10')] })] }),
      ],
    });
    const imported = await importDocument({ fileName: 'prices.docx', bytes });
    expect(imported.notices).toEqual([
      {
        code: 'tablesFlattened',
        message: 'A table was turned into plain paragraphs, one per cell: an article has no tables',
      },
      {
        code: 'formattingDropped',
        message:
          "Underline, strike-through and superscript were not kept (the words were): an article's text has bold, italic and links only",
      },
    ]);
    expect(imported.doc.content!.map(textOf)).toEqual([
      'Prices rose by ten twelve per cent in 2nd quarter.',
      'Bread',
      '3.10',
    ]);
  });

  it('leaves hidden text (Font → Hidden) out, in the body and in notes, and says so', async () => {
    const bytes = await writeDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('Public text '),
            new TextRun({ text: 'HIDDEN note to self: source is J. Smith ', vanish: true }),
            new TextRun('continues.'),
            new FootnoteReferenceRun(1),
          ],
        }),
      ],
      footnotes: { 1: 'Visible note.' },
    });
    const zip = await JSZip.loadAsync(bytes);
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    zip.file(
      'word/footnotes.xml',
      footnotes.replace(
        '<w:t xml:space="preserve">Visible note.</w:t></w:r>',
        '<w:t xml:space="preserve">Visible note.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden in the note.</w:t></w:r>',
      ),
    );
    const withHiddenNote = await zip.generateAsync({ type: 'uint8array' });
    expect(
      await (await JSZip.loadAsync(withHiddenNote)).file('word/footnotes.xml')!.async('string'),
    ).toContain('Hidden in the note.');
    const imported = await importDocument({ fileName: 'hidden.docx', bytes: withHiddenNote });
    expect(imported.doc.content!.map(textOf)).toEqual(['Public text continues.', 'Visible note.']);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('reads the parts the package names, as Word Online writes them (word/document2.xml), hidden text left out', async () => {
    const bytes = await writeDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('Written online '),
            new TextRun({ text: 'HIDDEN source name ', vanish: true }),
            new TextRun('and downloaded.'),
            new FootnoteReferenceRun(1),
          ],
        }),
      ],
      footnotes: { 1: 'An online note.' },
    });
    // Word Online names its parts document2.xml, styles2.xml, footnotes2.xml: only the
    // package's relationships say which part is which.
    const zip = await JSZip.loadAsync(bytes);
    const rename = async (from: string, to: string) => {
      zip.file(to, await zip.file(from)!.async('uint8array'));
      zip.remove(from);
    };
    await rename('word/document.xml', 'word/document2.xml');
    await rename('word/_rels/document.xml.rels', 'word/_rels/document2.xml.rels');
    await rename('word/footnotes.xml', 'word/footnotes2.xml');
    const footnotes = await zip.file('word/footnotes2.xml')!.async('string');
    zip.file(
      'word/footnotes2.xml',
      footnotes.replace(
        '<w:t xml:space="preserve">An online note.</w:t></w:r>',
        '<w:t xml:space="preserve">An online note.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN in the note.</w:t></w:r>',
      ),
    );
    const packageRels = await zip.file('_rels/.rels')!.async('string');
    zip.file('_rels/.rels', packageRels.replace('word/document.xml', 'word/document2.xml'));
    const documentRels = await zip.file('word/_rels/document2.xml.rels')!.async('string');
    zip.file(
      'word/_rels/document2.xml.rels',
      documentRels.replace('footnotes.xml', 'footnotes2.xml'),
    );
    const online = await zip.generateAsync({ type: 'uint8array' });

    const imported = await importDocument({ fileName: 'online.docx', bytes: online });
    expect(imported.doc.content!.map(textOf)).toEqual([
      'Written online and downloaded.',
      'An online note.',
    ]);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('says that tracked deletions and comments were left out (mammoth drops them)', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          comments: {
            children: [
              {
                id: 0,
                author: 'Ann Editor',
                date: new Date('2026-11-30T09:00:00Z'),
                children: [new Paragraph('LEGAL: do not name the contractor until confirmed.')],
              },
            ],
          },
          sections: [
            {
              children: [
                new Paragraph({
                  children: [
                    new TextRun('The minister '),
                    new DeletedTextRun({
                      text: 'allegedly took bribes from ',
                      id: 1,
                      author: 'Ann Editor',
                      date: '2026-11-30T09:00:00Z',
                    }),
                    new InsertedTextRun({
                      text: 'met ',
                      id: 2,
                      author: 'Ann Editor',
                      date: '2026-11-30T09:00:00Z',
                    }),
                    new CommentRangeStart(0),
                    new TextRun('the contractor'),
                    new CommentRangeEnd(0),
                    new TextRun({ children: [new CommentReference(0)] }),
                    new TextRun(' on Monday.'),
                  ],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const imported = await importDocument({ fileName: 'review.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual([
      'The minister met the contractor on Monday.',
    ]);
    expect(imported.notices).toEqual([
      pasteNotice('deletionsDropped'),
      pasteNotice('commentsDropped', 1),
    ]);
  });

  it('leaves out text hidden through a style (character or paragraph, or their bases)', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          styles: {
            characterStyles: [
              { id: 'PrivateNote', name: 'Private note', run: { vanish: true } },
              {
                id: 'SourceName',
                name: 'Source name',
                basedOn: 'PrivateNote',
                run: { bold: true },
              },
            ],
            paragraphStyles: [{ id: 'EditorsBrief', name: 'Editors brief', run: { vanish: true } }],
          },
          sections: [
            {
              children: [
                new Paragraph({
                  children: [
                    new TextRun('The council met '),
                    new TextRun({ text: '(tip-off from the clerk) ', style: 'PrivateNote' }),
                    new TextRun({ text: 'J. Smith ', style: 'SourceName' }),
                    new TextRun('on Monday.'),
                  ],
                }),
                new Paragraph({
                  style: 'EditorsBrief',
                  children: [
                    new TextRun('Do not run before the lawyer has read it. '),
                    // Switched on again in the run itself: shown, as in Word.
                    new TextRun({ text: 'Shown anyway.', vanish: false }),
                  ],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:styleId="SourceName"');
    const imported = await importDocument({ fileName: 'styled.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual([
      'The council met on Monday.',
      'Shown anyway.',
    ]);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('keeps a run whose hidden property is switched off', async () => {
    const bytes = await writeDocx({
      children: [new Paragraph({ children: [new TextRun({ text: 'Shown.', vanish: true })] })],
    });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:vanish/>');
    zip.file('word/document.xml', xml.replace('<w:vanish/>', '<w:vanish w:val="false"/>'));
    const imported = await importDocument({
      fileName: 'shown.docx',
      bytes: await zip.generateAsync({ type: 'uint8array' }),
    });
    expect(imported.doc.content!.map(textOf)).toEqual(['Shown.']);
    expect(imported.notices).toEqual([]);
  });

  /** `bytes` with `edit` applied to one of its XML parts (checked to have changed it). */
  async function editPart(
    bytes: Uint8Array,
    part: string,
    edit: (xml: string) => string,
  ): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(part)!.async('string');
    const edited = edit(xml);
    expect(edited).not.toBe(xml);
    zip.file(part, edited);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('ignores the old formatting of a tracked change: text un-hidden with Track Changes on shows', async () => {
    const bytes = await editPart(
      await writeDocx({
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'Quote from the minister.', bold: true })],
          }),
        ],
      }),
      'word/document.xml',
      (xml) =>
        xml.replace(
          '<w:rPr><w:b/><w:bCs/></w:rPr>',
          '<w:rPr><w:b/><w:bCs/><w:rPrChange w:id="1" w:author="Ann Editor" w:date="2026-11-30T09:00:00Z">' +
            '<w:rPr><w:b/><w:bCs/><w:vanish/></w:rPr></w:rPrChange></w:rPr>',
        ),
    );
    const imported = await importDocument({ fileName: 'unhidden.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual(['Quote from the minister.']);
    expect(imported.notices).toEqual([]);
  });

  it('ignores the old style of a tracked change: a paragraph moved out of a hidden style shows', async () => {
    const bytes = await editPart(
      new Uint8Array(
        await Packer.toBuffer(
          new Document({
            styles: {
              paragraphStyles: [
                { id: 'EditorsBrief', name: 'Editors brief', run: { vanish: true } },
              ],
            },
            sections: [
              { children: [new Paragraph({ children: [new TextRun('Now part of the story.')] })] },
            ],
          }),
        ),
      ),
      'word/document.xml',
      (xml) =>
        xml.replace(
          '<w:p><w:r>',
          '<w:p><w:pPr><w:pPrChange w:id="2" w:author="Ann Editor" w:date="2026-11-30T09:00:00Z">' +
            '<w:pPr><w:pStyle w:val="EditorsBrief"/></w:pPr></w:pPrChange></w:pPr><w:r>',
        ),
    );
    const imported = await importDocument({ fileName: 'restyled.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual(['Now part of the story.']);
    expect(imported.notices).toEqual([]);
  });

  it('leaves out text hidden by the default paragraph style (Normal), for paragraphs of no other style', async () => {
    const written = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          // Not based on Normal: Word shows it.
          styles: { paragraphStyles: [{ id: 'Standfirst', name: 'Standfirst' }] },
          sections: [
            {
              children: [
                new Paragraph({ style: 'Standfirst', children: [new TextRun('Shown.')] }),
                new Paragraph({ children: [new TextRun('Normal, so hidden.')] }),
              ],
            },
          ],
        }),
      ),
    );
    const bytes = await editPart(written, 'word/styles.xml', (xml) =>
      xml.replace(
        /(<w:style w:type="paragraph" w:styleId="Normal" w:default="1">[\s\S]*?)<\/w:style>/,
        '$1<w:rPr><w:vanish/></w:rPr></w:style>',
      ),
    );
    const imported = await importDocument({ fileName: 'normal-hidden.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual(['Shown.']);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('leaves out text the document defaults hide, unless the run, its style or its paragraph style shows it', async () => {
    const bytes = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          styles: {
            default: { document: { run: { vanish: true } } },
            paragraphStyles: [{ id: 'Shown', name: 'Shown', run: { vanish: false } }],
            characterStyles: [{ id: 'ShownWords', name: 'Shown words', run: { vanish: false } }],
          },
          sections: [
            {
              children: [
                new Paragraph({ children: [new TextRun('Hidden by the defaults.')] }),
                new Paragraph({ style: 'Shown', children: [new TextRun('Paragraph style.')] }),
                new Paragraph({
                  children: [
                    new TextRun({ text: 'Run. ', vanish: false }),
                    new TextRun({ text: 'Character style.', style: 'ShownWords' }),
                    new TextRun(' Hidden.'),
                  ],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:vanish\/>/);
    const imported = await importDocument({ fileName: 'defaults-hidden.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual([
      'Paragraph style.',
      'Run. Character style.',
    ]);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it("judges a text box's paragraphs by their own style, not their anchor paragraph's", async () => {
    const bytes = await editPart(
      new Uint8Array(
        await Packer.toBuffer(
          new Document({
            styles: {
              paragraphStyles: [
                { id: 'EditorsBrief', name: 'Editors brief', run: { vanish: true } },
              ],
            },
            sections: [
              {
                children: [
                  new Paragraph({ children: [new TextRun('Public text.')] }),
                  new Paragraph({
                    style: 'EditorsBrief',
                    children: [new TextRun('Hidden brief. '), new TextRun('BOX')],
                  }),
                ],
              },
            ],
          }),
        ),
      ),
      'word/document.xml',
      (xml) =>
        xml.replace(
          '<w:r><w:t xml:space="preserve">BOX</w:t></w:r>',
          '<w:r><w:pict><v:shape><v:textbox><w:txbxContent>' +
            '<w:p><w:r><w:t>In a text box.</w:t></w:r></w:p>' +
            '</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>More brief.</w:t></w:r>',
        ),
    );
    const imported = await importDocument({ fileName: 'text-box.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual(['Public text.', 'In a text box.']);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  it.each<[string, { document: (xml: string) => string; styles?: (xml: string) => string }]>([
    [
      'an empty element with an end tag',
      { document: (xml) => xml.replace('<w:vanish/>', '<w:vanish></w:vanish>') },
    ],
    [
      'a value in single quotes',
      { document: (xml) => xml.replace('<w:vanish/>', "<w:vanish w:val='1'/>") },
    ],
    [
      'a character style named in single quotes',
      {
        document: (xml) => xml.replace('<w:vanish/>', "<w:rStyle w:val='PrivateNote'/>"),
        styles: (xml) => xml.replace('w:styleId="PrivateNote"', "w:styleId='PrivateNote'"),
      },
    ],
    [
      'a paragraph style named and based in single quotes',
      {
        document: (xml) =>
          xml.replace(
            '<w:p><w:r><w:rPr><w:vanish/>',
            "<w:p><w:pPr><w:pStyle w:val='Brief'/></w:pPr><w:r><w:rPr>",
          ),
        styles: (xml) =>
          xml.replace(
            '</w:styles>',
            `<w:style w:type='paragraph' w:styleId='Brief'><w:name w:val='Brief'/><w:basedOn w:val='HiddenParagraph'/></w:style></w:styles>`,
          ),
      },
    ],
    [
      'another prefix for the WordprocessingML namespace',
      {
        document: (xml) =>
          xml
            .replace('<w:document ', `<w:document xmlns:word='${WORD_NAMESPACE}' `)
            .replace('<w:vanish/>', '<word:vanish/>'),
      },
    ],
    [
      'the WordprocessingML namespace as the default one',
      { document: (xml) => xml.replace('<w:vanish/>', `<vanish xmlns="${WORD_NAMESPACE}"/>`) },
    ],
  ])('reads Font → Hidden however the XML spells it: %s', async (_, edits) => {
    let bytes = await editPart(
      new Uint8Array(
        await Packer.toBuffer(
          new Document({
            styles: {
              characterStyles: [{ id: 'PrivateNote', name: 'Private note', run: { vanish: true } }],
              paragraphStyles: [
                { id: 'HiddenParagraph', name: 'Hidden paragraph', run: { vanish: true } },
              ],
            },
            sections: [
              {
                children: [
                  new Paragraph({ children: [new TextRun('Public text.')] }),
                  new Paragraph({
                    children: [new TextRun({ text: 'SECRET source', vanish: true })],
                  }),
                ],
              },
            ],
          }),
        ),
      ),
      'word/document.xml',
      edits.document,
    );
    if (edits.styles) bytes = await editPart(bytes, 'word/styles.xml', edits.styles);
    const imported = await importDocument({ fileName: 'spelled.docx', bytes });
    expect(imported.doc.content!.map(textOf)).toEqual(['Public text.']);
    expect(imported.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('refuses as damaged a .docx whose hidden run never ends, which mammoth would read and show', async () => {
    const bytes = await editPart(
      await writeDocx({
        children: [
          new Paragraph({
            children: [
              new TextRun('Public text. '),
              new TextRun({ text: 'SECRET', vanish: true }),
              new TextRun(' More public text.'),
            ],
          }),
        ],
      }),
      'word/document.xml',
      // mammoth reads the next run as inside this one, and shows both.
      (xml) => xml.replace(/(SECRET<\/w:t>)<\/w:r>/, '$1'),
    );
    await expect(importDocument({ fileName: 'broken.docx', bytes })).rejects.toMatchObject({
      code: 'corrupt',
      status: 422,
      message: 'This .docx could not be read: it may be damaged',
    });
  });

  it('keeps the words of links a browser would misread, not the links, and says so', async () => {
    const link = (href: string, words: string) =>
      new ExternalHyperlink({ link: href, children: [new TextRun(words)] });
    const bytes = await writeDocx({
      children: [
        new Paragraph({
          children: [
            link('https://bank.example@evil.example/', 'Your bank'),
            new TextRun(', '),
            link('https://exa\u200Bmple.com/', 'the site'),
            new TextRun(' and '),
            link('https://example.com/report', 'the report'),
          ],
        }),
      ],
    });
    const imported = await importDocument({ fileName: 'links.docx', bytes });
    expect(imported.notices).toEqual([pasteNotice('linksDropped', 2)]);
    expect(textOf(imported.doc)).toBe('Your bank, the site and the report');
    const hrefs = [...JSON.stringify(imported.doc).matchAll(/"href":"([^"]+)"/g)];
    expect(hrefs.map((match) => match[1])).toEqual(['https://example.com/report']);
  });

  it("tells nothing about note markers' superscript or a link's own underline", async () => {
    const bytes = await writeDocx({
      footnotes: { 1: 'A source.' },
      children: [
        new Paragraph({
          children: [
            new TextRun('Claimed'),
            new FootnoteReferenceRun(1),
            new TextRun({ text: ' ', underline: {} }),
            // Google Docs' .docx underlines its links' runs directly.
            new ExternalHyperlink({
              link: 'https://example.com/report',
              children: [new TextRun({ text: 'Report', underline: {} })],
            }),
          ],
        }),
      ],
    });
    const imported = await importDocument({ fileName: 'plain.docx', bytes });
    expect(imported.notices).toEqual([]);
    expect(JSON.stringify(imported.doc)).toContain('"href":"https://example.com/report"');
  });

  it('imports endnotes as notes too, and takes the first heading when there is no title', async () => {
    const bytes = await writeDocx({
      footnotes: { 1: 'A footnote.' },
      endnotes: { 1: 'An endnote.' },
      children: [
        new Paragraph({ text: 'Heading as headline', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new TextRun('Body'),
            new EndnoteReferenceRun(1),
            new TextRun(' text'),
            new FootnoteReferenceRun(1),
          ],
        }),
      ],
    });
    const imported = await importDocument({ fileName: 'x.docx', bytes });
    expect(imported.title).toBe('Heading as headline');
    expect(notesOf(imported.doc).map(textOf)).toEqual(['An endnote.', 'A footnote.']);
  });

  it('names the draft after the file when the document has no title or heading', async () => {
    const bytes = await writeDocx({ children: [new Paragraph('Just text.')] });
    expect((await importDocument({ fileName: 'budget_notes-v2.docx', bytes })).title).toBe(
      'budget notes v2',
    );
  });
});

/** Characters windows-1252 writes as one byte above 0x7f (the rest are Latin-1's). */
const WINDOWS_1252_BYTES: Record<string, number> = {
  '\u00e9': 0xe9,
  '\u2019': 0x92,
  '\u201c': 0x93,
  '\u201d': 0x94,
  '\u2013': 0x96,
  '\u20ac': 0x80,
};

describe('importing a Google Docs web page download', () => {
  it('reads the export’s title, formatting and footnotes', async () => {
    const html = `<html><head><title>Doc</title><style>.c1{font-weight:700}</style></head><body class="doc-content"><p class="title"><span>Export title</span></p><p><span class="c1">Bold</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span> The note.</span></p></div></body></html>`;
    const imported = await importDocument({
      fileName: 'doc.html',
      bytes: new TextEncoder().encode(html),
    });
    expect(imported.title).toBe('Export title');
    expect(notesOf(imported.doc).map(textOf)).toEqual(['The note.']);
    expect(JSON.stringify(imported.doc.content![0])).toContain('{"type":"bold"}');
  });

  it('reads a web page in the encoding it declares, as Word saves one (windows-1252)', async () => {
    // Word's "Save as Web Page" writes its system's code page by default: curly quotes and
    // accents are single bytes there, not UTF-8.
    const head = `<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><title>Caf\u00e9</title></head>`;
    const body = `<body><h1>Caf\u00e9 prices</h1><p>The owner\u2019s \u201cnew\u201d menu \u2013 \u20ac4.</p></body></html>`;
    const bytes = Uint8Array.from(
      [...(head + body)].map((char) => WINDOWS_1252_BYTES[char] ?? char.charCodeAt(0)),
    );
    const imported = await importDocument({ fileName: 'word-page.htm', bytes });
    expect(imported.doc.content!.map(textOf)).toContain(
      'The owner\u2019s \u201cnew\u201d menu \u2013 \u20ac4.',
    );

    // Declared as UTF-8 (or not declared) it must be UTF-8, and an unknown encoding is named.
    const refusedAs = async (html: string) => {
      const bytes = Uint8Array.from(Buffer.from(html, 'latin1'));
      const error = await importDocument({ fileName: 'page.html', bytes }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).message;
    };
    expect(await refusedAs('<html><body><p>Caf\u00e9</p></body></html>')).toBe(
      'This HTML file is not UTF-8 text',
    );
    expect(
      await refusedAs(
        '<html><head><meta charset="x-no-such-code"></head><body><p>Text</p></body></html>',
      ),
    ).toBe(
      'This HTML file declares the character encoding "x-no-such-code", which the import does not know',
    );
  });

  it('leaves the export’s comments out and says so; says a table became paragraphs', async () => {
    // The exploratory tester's export shape: a comment marker and its comment after the notes.
    const html = `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>Budget story</title></head><body class="c5 doc-content"><p class="c3 title"><span>Budget story</span></p><p><span>The mayor</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup><span>&nbsp;cut the budget by 4%</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>.</span></p><table><tr><td><p><span>Ward</span></p></td><td><p><span>Votes</span></p></td></tr></table><hr class="c6"><div><p class="c4"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c0">&nbsp;Council papers, item 7.</span></p></div><div class="c9"><p class="c8"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c0">Ann Editor: is this confirmed? Our source (J. Smith, finance office) asked not to be named.</span></p></div></body></html>`;
    const imported = await importDocument({
      fileName: 'budget.html',
      bytes: new TextEncoder().encode(html),
    });
    expect(JSON.stringify(imported.doc)).not.toMatch(/J\. Smith|\[a\]/);
    expect(imported.doc.content!.map(textOf)).toEqual([
      'The mayor\u00a0cut the budget by 4%.',
      'Ward',
      'Votes',
      'Council papers, item 7.',
    ]);
    expect(imported.notices).toEqual([
      pasteNotice('commentsDropped', 1),
      pasteNotice('tablesFlattened', 1),
    ]);
  });
});

describe('refusing what cannot be imported', () => {
  const refusal = async (bytes: Uint8Array, fileName = 'file.docx') => {
    const error = await importDocument({ fileName, bytes }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  };

  it('refuses a file that is neither a .docx nor HTML, whatever its name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    expect(await refusal(png)).toMatchObject({ code: 'unsupported_type', status: 415 });
    expect(await refusal(new TextEncoder().encode('just words'), 'notes.txt')).toMatchObject({
      code: 'unsupported_type',
    });
  });

  it('refuses a damaged .docx', async () => {
    const bytes = await writeDocx({ children: [new Paragraph('x')] });
    expect(await refusal(bytes.slice(0, bytes.length / 2))).toMatchObject({
      code: 'corrupt',
      status: 422,
    });
    const notWord = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
    expect(await refusal(notWord)).toMatchObject({ code: 'corrupt' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1);
    expect(await refusal(big)).toMatchObject({ code: 'too_large', status: 413 });
  });

  it('refuses a zip that claims to unpack to more than the limit', async () => {
    const bytes = await writeDocx({ children: [new Paragraph('x')] });
    // Rewrite every central-directory entry's uncompressed size to 1 GB.
    const view = new DataView(bytes.buffer);
    for (let offset = 0; offset < bytes.length - 4; offset++)
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 1024 ** 3, true);
    expect(await refusal(bytes)).toMatchObject({ code: 'corrupt' });
  });

  describe('the elements of its HTML', () => {
    const limit = IMPORT_LIMITS.maxHtmlElements;
    /** A web page of `elements` elements: html, head, body, a paragraph and metas to fill. */
    const pageOf = (elements: number, body = '<p>Text of the page.</p>') => {
      const bodyElements = (body.match(/<[a-z]/g) ?? []).length;
      const metas = '<meta name="filler">'.repeat(elements - 3 - bodyElements);
      return new TextEncoder().encode(`<html><head>${metas}</head><body>${body}</body></html>`);
    };

    it('refuses HTML with more elements than the limit before building its DOM, saying how many', async () => {
      expect(await refusal(pageOf(limit + 1), 'page.html')).toMatchObject({
        code: 'too_large',
        status: 413,
        message:
          'This document has too many elements to import: 50,001 (paragraphs, formatting, links, table cells and the like), more than the limit of 50,000',
      });
    });

    it('takes HTML at the limit, a data: picture of megabytes counting as one element', async () => {
      const picture = Buffer.alloc(3 * 1024 * 1024, 1).toString('base64');
      const bytes = pageOf(
        limit,
        `<p>Text of the page.</p><p><img alt="A chart" src="data:image/png;base64,${picture}"></p>`,
      );
      expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
      const imported = await importDocument({ fileName: 'page.html', bytes });
      expect(JSON.stringify(imported.doc)).toContain('Text of the page.');
      expect(imported.notices.map((notice) => notice.code)).toEqual(['imagesNotStored']);
    });
  });

  it('refuses a document without text', async () => {
    const bytes = await writeDocx({ children: [new Paragraph('')] });
    expect(await refusal(bytes)).toMatchObject({ code: 'empty', status: 422 });
  });

  it('refuses a .docx whose XML no article needs before converting it (5 MB, a few KB zipped)', async () => {
    const zip = await JSZip.loadAsync(await writeDocx({ children: [new Paragraph('x')] }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraph =
      '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>' +
      '<w:t xml:space="preserve">Words and more words </w:t></w:r></w:p>';
    const paragraphs = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${paragraphs}`));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100 * 1024);

    expect(await refusal(bytes)).toMatchObject({
      code: 'too_large',
      status: 413,
      message: `This document's text is too long to import: its Word XML (text, notes, comments and styles) unpacks to more than ${IMPORT_LIMITS.maxDocumentXmlBytes / 1024 / 1024} MB`,
    });
  });

  it('takes the XML of an article at the text limit, as a writer of .docx files saves it', async () => {
    // 200,000 characters (DOCUMENT_LIMITS.maxTextChars) in paragraphs of three runs each.
    const sentence = 'The council voted on Tuesday to extend the scheme, despite objections. ';
    const text = sentence.repeat(Math.ceil(600 / sentence.length)).slice(0, 600);
    const paragraph = () =>
      new Paragraph({
        children: [
          new TextRun(text.slice(0, 200)),
          new TextRun({ text: text.slice(200, 400), bold: true }),
          new TextRun({ text: text.slice(400), italics: true }),
        ],
      });
    const bytes = await writeDocx({
      children: Array.from({ length: DOCUMENT_LIMITS.maxTextChars / 600 }, paragraph),
    });
    expect(await readZipContents(bytes)).toMatchObject({ kind: 'docx' });
  });
});

describe('what else an import meets', () => {
  const onePixelPng = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    ),
    (char) => char.charCodeAt(0),
  );

  it('leaves images out and says so', async () => {
    const bytes = await writeDocx({
      children: [
        new Paragraph('Text before the picture.'),
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: onePixelPng,
              transformation: { width: 10, height: 10 },
            }),
          ],
        }),
      ],
    });
    const imported = await importDocument({ fileName: 'pictures.docx', bytes });
    expect(JSON.stringify(imported.doc)).not.toContain('image');
    expect(imported.notices.map((notice) => notice.code)).toEqual(['imagesNotStored']);
  });

  it('reads Google Docs’ zipped web page download', async () => {
    const zip = new JSZip();
    zip.file(
      'Story.html',
      '<html><body class="doc-content"><p class="title"><span>Zipped story</span></p><p><span>Zipped text.</span></p><p><img src="images/image1.png"></p></body></html>',
    );
    zip.file('images/image1.png', onePixelPng);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const imported = await importDocument({ fileName: 'Story.zip', bytes });
    expect(imported.title).toBe('Zipped story');
    expect(JSON.stringify(imported.doc)).toContain('Zipped text.');
    expect(imported.notices.map((notice) => notice.code)).toEqual(['imagesNotStored']);
  });

  it('refuses a zip that is neither, and a document nested deeper than an article may be', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'text');
    const other = await zip.generateAsync({ type: 'uint8array' });
    await expect(importDocument({ fileName: 'a.zip', bytes: other })).rejects.toMatchObject({
      code: 'unsupported_type',
    });
    const deep = `<html><body>${'<blockquote>'.repeat(60)}<p>Deep</p>${'</blockquote>'.repeat(60)}</body></html>`;
    await expect(
      importDocument({ fileName: 'deep.html', bytes: new TextEncoder().encode(deep) }),
    ).rejects.toMatchObject({ code: 'invalid_document', status: 422 });
  });

  it('refuses a file nested 20,000 deep with the depth message, not a stack overflow', async () => {
    for (const depth of [6000, 20_000]) {
      const deep = `<html><body>${'<blockquote>'.repeat(depth)}<p>Deep</p>${'</blockquote>'.repeat(depth)}</body></html>`;
      await expect(
        importDocument({ fileName: 'deep.html', bytes: new TextEncoder().encode(deep) }),
      ).rejects.toMatchObject({
        code: 'invalid_document',
        status: 422,
        message: expect.stringMatching(/nested deeper than 24 levels/),
      });
    }
  });
});
