import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../../extensions/article-extensions';
import { validateDocument } from '../../validation/validate-document';
import { cleanPastedHtml, type CleanedHtml } from '../clean-pasted-html';
import { nodeHtmlParser } from '../fixtures/node-dom';
import {
  WORD_EMPTY_PARAGRAPH,
  wordDocument,
  wordListParagraph,
  wordNoteList,
  wordParagraph,
  wordReference,
} from '../fixtures/word-clipboard';
import { cleanedToDocument } from '../schema-content';

const parseHtml = nodeHtmlParser();

function clean(html: string): CleanedHtml {
  const cleaned = cleanPastedHtml(html, { parseHtml });
  expect(cleaned?.source).toBe('word');
  return cleaned!;
}

function toDocument(html: string): JSONContent {
  const doc = cleanedToDocument(clean(html), getArticleSchema());
  expect(validateDocument(doc)).toEqual({ ok: true, value: doc });
  return doc;
}

const referencesIn = (doc: JSONContent): string[] =>
  JSON.stringify(doc)
    .match(/"noteId":"[^"]+"/g)!
    .map((match) => match.slice(10, -1));

const notesOf = (doc: JSONContent) => doc.content!.at(-1)!.content!;

describe('paste from Word: footnotes', () => {
  const twoNotes = wordDocument(
    wordParagraph(`The Taliban${wordReference(1)} and Daesh${wordReference(2)} were named.`) +
      wordNoteList([
        `A group banned in <i>many</i> countries.`,
        `See <a href="https://example.com/report">the report</a>, <b>p. 4</b>.`,
      ]),
  );

  it('turns references and the footnote list into notes of our schema, in order', () => {
    const doc = toDocument(twoNotes);
    const [first, second] = referencesIn(doc);
    expect(first).not.toBe(second);
    expect(notesOf(doc).map((note) => note.attrs!.id)).toEqual([first, second]);
    expect(JSON.stringify(doc)).not.toContain('[1]');
    expect(doc.content![0]!.content!.map((node) => node.type)).toEqual([
      'text',
      'footnoteReference',
      'text',
      'footnoteReference',
      'text',
    ]);
  });

  it('keeps the formatting of the notes and leaves no marker in them', () => {
    const [first, second] = notesOf(toDocument(twoNotes));
    expect(first!.content).toEqual([
      { type: 'text', text: 'A group banned in ' },
      { type: 'text', text: 'many', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' countries.' },
    ]);
    expect(second!.content).toEqual([
      { type: 'text', text: 'See ' },
      {
        type: 'text',
        text: 'the report',
        marks: [
          { type: 'link', attrs: expect.objectContaining({ href: 'https://example.com/report' }) },
        ],
      },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'p. 4', marks: [{ type: 'bold' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads references with only name=, numbers in extra spans, and notes without id=', () => {
    const html = wordDocument(
      wordParagraph(`One${wordReference(1, { extraSpans: true })} two.`) +
        wordNoteList(['First note.']).replace(' id=ftn1', ''),
    );
    const doc = toDocument(html);
    expect(referencesIn(doc)).toHaveLength(1);
    expect(notesOf(doc)[0]!.content).toEqual([{ type: 'text', text: 'First note.' }]);
  });

  it('makes endnotes notes too, after footnotes in reference order', () => {
    const html = wordDocument(
      wordParagraph(`End${wordReference(1, { kind: 'edn' })} foot${wordReference(1)}.`) +
        wordNoteList(['A footnote.']) +
        wordNoteList(['An endnote.'], 'edn'),
    );
    const doc = toDocument(html);
    expect(notesOf(doc).map((note) => note.content![0]!.text)).toEqual([
      'An endnote.',
      'A footnote.',
    ]);
  });

  it('keeps several references to one note as one note', () => {
    const html = wordDocument(
      wordParagraph(`Taliban${wordReference(1)} and Daesh${wordReference(1)}.`) +
        wordNoteList(['Outlawed in Russia.']),
    );
    const doc = toDocument(html);
    const [first, second] = referencesIn(doc);
    expect(first).toBe(second);
    expect(notesOf(doc)).toHaveLength(1);
  });

  it('joins a note of several paragraphs with line breaks', () => {
    const html = wordDocument(
      wordParagraph(`Text${wordReference(1)}.`) +
        wordNoteList(['First line.']).replace(
          '<o:p></o:p></p>',
          '<o:p></o:p></p><p class=MsoFootnoteText>Second line.<o:p></o:p></p>',
        ),
    );
    expect(notesOf(toDocument(html))[0]!.content).toEqual([
      { type: 'text', text: 'First line.' },
      { type: 'hardBreak' },
      { type: 'text', text: 'Second line.' },
    ]);
  });

  it('drops a reference whose note was not copied, and says so', () => {
    const cleaned = clean(wordDocument(wordParagraph(`Only the text${wordReference(3)}.`)));
    expect(cleaned.notes).toEqual([]);
    expect(cleaned.body.innerHTML).toBe('<p>Only the text.</p>');
    expect(cleaned.notices.map((notice) => notice.code)).toEqual(['notesMissing']);
  });
});

describe('paste from Word: lists', () => {
  const bullets = [
    { list: 'l0', level: 1, format: 'bullet' },
    { list: 'l0', level: 2, format: 'bullet' },
  ];

  it('nests bullet levels as real lists', () => {
    const html = wordDocument(
      wordListParagraph('One', { position: 'First' }) +
        wordListParagraph('One a', { level: 2, marker: 'o' }) +
        wordListParagraph('One b', { level: 2, marker: 'o' }) +
        wordListParagraph('Two', { position: 'Last' }),
      bullets,
    );
    expect(clean(html).body.innerHTML).toBe(
      '<ul><li><p>One</p><ul><li><p>One a</p></li><li><p>One b</p></li></ul></li><li><p>Two</p></li></ul>',
    );
  });

  it('numbers a list whose @list rule is not a bullet', () => {
    const html = wordDocument(
      wordListParagraph('First', { list: 'l1', marker: '1.' }) +
        wordListParagraph('Second', { list: 'l1', marker: '2.' }),
      [{ list: 'l1', level: 1 }],
    );
    expect(clean(html).body.innerHTML).toBe('<ol><li><p>First</p></li><li><p>Second</p></li></ol>');
  });

  it('reads the marker when the style block has no @list rule', () => {
    const html = wordDocument(
      wordListParagraph('Alpha', { list: 'l3', marker: 'a)' }) +
        wordListParagraph('Dot', { list: 'l3', level: 2, marker: '§' }),
    );
    expect(clean(html).body.innerHTML).toBe(
      '<ol><li><p>Alpha</p><ul><li><p>Dot</p></li></ul></li></ol>',
    );
  });

  it('keeps two lists apart when a paragraph stands between them, and parses into list nodes', () => {
    const html = wordDocument(
      wordListParagraph('A', { marker: '·' }) +
        wordParagraph('Between') +
        wordListParagraph('1st', { list: 'l1', marker: '1.' }),
      [...bullets, { list: 'l1', level: 1 }],
    );
    expect(toDocument(html).content!.map((node) => node.type)).toEqual([
      'bulletList',
      'paragraph',
      'orderedList',
    ]);
  });
});

describe('paste from Word: headings, formatting and residue', () => {
  it('moves Word heading levels under the headline, drops heading numbers, makes a Title a top heading', () => {
    const html = wordDocument(
      `<p class=MsoTitle>The title<o:p></o:p></p><h1 style='mso-list:l2 level1 lfo3'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Part<o:p></o:p></h1><h2>Sub</h2><h3>Deep</h3><h5>Deeper</h5>`,
    );
    expect(clean(html).body.innerHTML).toBe(
      '<h2>The title</h2><h2>Part</h2><h3>Sub</h3><h4>Deep</h4><h4>Deeper</h4>',
    );
  });

  it('keeps bold, italic and links; drops Office residue and empty paragraphs', () => {
    const html = wordDocument(
      WORD_EMPTY_PARAGRAPH +
        wordParagraph(
          `<a name="_Toc1"></a><b><span style='mso-bidi-font-weight:normal'>Bold</span></b> <i>it</i> <span style='font-weight:700'>heavy</span> <a href="https://example.com/a?b=1">link</a> <a href="javascript:alert(1)">bad</a><!--[if gte mso 9]>x<![endif]-->`,
        ) +
        WORD_EMPTY_PARAGRAPH,
    );
    expect(clean(html).body.innerHTML).toBe(
      '<p><strong>Bold</strong> <em>it</em> <strong>heavy</strong> <a href="https://example.com/a?b=1">link</a> bad</p>',
    );
  });

  it('leaves no class, style, Office tag or comment anywhere', () => {
    const html = wordDocument(
      wordParagraph(`Text${wordReference(1)}`) +
        wordNoteList(['Note <span lang=FR>en français</span>.']),
    );
    const cleaned = clean(html);
    const all =
      cleaned.body.innerHTML + cleaned.notes.map((note) => note.content.innerHTML).join('');
    expect(all).not.toMatch(/class=|style=|lang=|<o:|<!--|mso-|\[1\]/);
  });
});

describe("paste from Word: a saved page's section", () => {
  /** Word's blocks, numbered: a heading, formatted text and a link, a list, an empty paragraph. */
  const blocks = (copies: number) =>
    Array.from({ length: copies }, (_, index) =>
      [
        `<h1>Part ${index}</h1>`,
        wordParagraph(
          `Words <b>bold</b> and <span style='font-style:italic'>italic</span>, <a href="https://example.com/${index}">a link</a>.`,
        ),
        wordListParagraph('First', { position: 'First' }),
        wordListParagraph('Second', { level: 2, position: 'Last' }),
        WORD_EMPTY_PARAGRAPH,
      ].join('\n'),
    ).join('\n');
  const page = (section: string, body: string) =>
    wordDocument(`<div ${section}>\n${body}\n</div>\n`);

  // The size is not what is tested (no test times anything): a few copies show every kind of block
  // handed on in order; on a saturated CI machine 500 copies took over a minute.
  it('converts the blocks of a WordSection1 as any other wrapper of the page: the same HTML', () => {
    const body = blocks(20);
    const section = clean(page('class=WordSection1', body));
    const other = clean(page('class=Other', body));
    expect(section.body.innerHTML).toBe(other.body.innerHTML);
    // Each copy: the heading, the paragraph and the list; the empty paragraph goes.
    expect(section.body.children.length).toBe(60);
  });

  it('unwraps a section with a style as before, its formatting read', () => {
    const body = wordParagraph('All of it bold');
    const styled = clean(page("class=WordSection1 style='font-weight:bold'", body));
    expect(styled.body.innerHTML).toBe(
      clean(page("class=Other style='font-weight:bold'", body)).body.innerHTML,
    );
    expect(styled.body.innerHTML).toContain('<strong>');
  });
});

describe('paste from Word: images', () => {
  it('leaves images out (local file: paths, VML shapes) and says so', () => {
    const cleaned = clean(
      wordDocument(
        wordParagraph(
          `Photo: <!--[if gte vml 1]><v:shape style='width:100pt'><v:imagedata src="file:///C:/Users/x/clip_image001.png"/></v:shape><![endif]--><![if !vml]><img width=133 height=100 src="file:///C:/Users/x/clip_image002.jpg" alt="A photo"><![endif]>`,
        ),
      ),
    );
    expect(cleaned.body.innerHTML).toBe('<p>Photo: </p>');
    expect(cleaned.notices.map((notice) => notice.code)).toEqual(['imagesDropped']);
  });
});
