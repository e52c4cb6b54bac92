import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../../extensions/article-extensions';
import { collectNotes, collectReferences } from '../../footnotes/json-footnotes';
import { validateDocument } from '../../validation/validate-document';
import { cleanPastedHtml } from '../clean-pasted-html';
import { nodeHtmlParser } from '../fixtures/node-dom';
import {
  wordDocument,
  wordListParagraph,
  wordNoteList,
  wordParagraph,
  wordReference,
} from '../fixtures/word-clipboard';
import { cleanedToDocument } from '../schema-content';

const parseHtml = nodeHtmlParser();
const word = fc.constantFrom(
  'alpha',
  'beta',
  '<b>bold</b>',
  '<i>it</i>',
  'a&amp;b',
  '<span style="font-weight:700">w</span>',
);

/** A Word clipboard: paragraphs and list items with references to notes 1–6, of which only some were copied. */
const clipboard = fc.record({
  blocks: fc.array(
    fc.record({
      words: fc.array(word, { minLength: 1, maxLength: 4 }),
      references: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
      listLevel: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  copiedNotes: fc.integer({ min: 0, max: 6 }),
});

type Clipboard = typeof clipboard extends fc.Arbitrary<infer T> ? T : never;

function render({ blocks, copiedNotes }: Clipboard): string {
  const html = blocks
    .map(({ words, references, listLevel }) => {
      const text = words.join(' ') + references.map((n) => wordReference(n)).join(' ');
      return listLevel === undefined
        ? wordParagraph(text)
        : wordListParagraph(text, { level: listLevel });
    })
    .join('\n');
  const notes = Array.from({ length: copiedNotes }, (_, index) => `Note ${index + 1} <i>text</i>.`);
  return wordDocument(html + (notes.length ? wordNoteList(notes) : ''), [
    { list: 'l0', level: 1, format: 'bullet' },
  ]);
}

const firstNumberOf = (note: JSONContent) => Number(/Note (\d+)/.exec(JSON.stringify(note))?.[1]);

describe('paste from Word, any shape', () => {
  it('always gives a valid article: each copied note once, in first-reference order, no stray markers', () => {
    fc.assert(
      fc.property(clipboard, (input) => {
        const doc = cleanedToDocument(
          cleanPastedHtml(render(input), { parseHtml })!,
          getArticleSchema(),
        );
        expect(validateDocument(doc).ok).toBe(true);
        const referenced = input.blocks.flatMap((block) => block.references);
        const kept = referenced.filter((n) => n <= input.copiedNotes);
        expect(collectReferences(doc)).toHaveLength(kept.length);
        const notes = [...collectNotes(doc).values()];
        expect(notes.map(firstNumberOf)).toEqual([...new Set(kept)]);
        expect(JSON.stringify(doc)).not.toMatch(/\[\d\]/);
      }),
      { numRuns: 60 },
    );
  });
});
