import type { JSONContent } from '@tiptap/core';

const WORDS = (
  'the report says russia likely supports reconciliation efforts in the hope that a long term ' +
  'military presence will end officials expressed support for talks while lawmakers proposed ' +
  'sanctions against senior figures and the defence sector according to sources familiar with ' +
  'the assessment which found no evidence to validate allegations about collusion'
).split(' ');

export interface LongArticle {
  doc: JSONContent;
  words: number;
  notes: number;
  references: number;
  images: number;
}

/** An image block as the editor stores it (ids need not exist: the bench serves any file). */
const image = (n: number): JSONContent => ({
  type: 'image',
  attrs: {
    imageId: `cbenchimage${String(n).padStart(10, '0')}`,
    alt: `Picture ${n + 1} of the report`,
    caption: `Caption of picture ${n + 1}, as long as a caption usually is`,
    credit: 'Photographer / Agency',
    width: 1600,
    height: 1067,
  },
});

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

/**
 * A long article for typing benchmarks: `paragraphs` × 100 words with some bold, italic and
 * links, a heading every 20 paragraphs, `notes` notes spread evenly through the text (every
 * tenth one referenced a second time further on), `images` images spread evenly between the
 * paragraphs, and the notes area at the end.
 * Deterministic, so every run types into the same document.
 */
export function buildLongArticle({ paragraphs = 100, notes = 200, images = 20 } = {}): LongArticle {
  const imageEvery = images > 0 ? Math.floor(paragraphs / images) : Infinity;
  let imagesPlaced = 0;
  let words = 0;
  let seed = 7;
  const word = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    words += 1;
    return WORDS[seed % WORDS.length] ?? 'word';
  };
  const notesPerParagraph = Math.ceil(notes / paragraphs);
  let nextNote = 0;
  let references = 0;
  const body: JSONContent[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 20 === 0)
      body.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Section ${p / 20}`)] });
    const content: JSONContent[] = [];
    const chunk = () => Array.from({ length: 10 }, word).join(' ') + ' ';
    for (let c = 0; c < 10; c++) {
      if (c === 3) content.push(text(chunk(), [{ type: 'bold' }]));
      else if (c === 5)
        content.push(
          text(chunk(), [{ type: 'link', attrs: { href: `https://example.com/${p}` } }]),
        );
      else if (c === 7) content.push(text(chunk(), [{ type: 'italic' }]));
      else content.push(text(chunk()));
      if (
        c % 4 === 1 &&
        nextNote < notes &&
        content.length > 0 &&
        (c - 1) / 4 < notesPerParagraph
      ) {
        content.push({ type: 'footnoteReference', attrs: { noteId: `note-${nextNote}` } });
        references += 1;
        if (nextNote % 10 === 9) {
          content.push(text(' '), {
            type: 'footnoteReference',
            attrs: { noteId: `note-${nextNote - 5}` },
          });
          references += 1;
        }
        nextNote += 1;
      }
    }
    body.push({ type: 'paragraph', content });
    if (p % imageEvery === imageEvery - 1 && imagesPlaced < images)
      body.push(image(imagesPlaced++));
  }
  const notesBlock: JSONContent = {
    type: 'footnotes',
    content: Array.from({ length: nextNote }, (_, n) => ({
      type: 'footnote',
      attrs: { id: `note-${n}` },
      content: [
        text(`Note ${n + 1}: `),
        text('source', [{ type: 'link', attrs: { href: `https://example.com/source/${n}` } }]),
        text(' and a short explanation.'),
      ],
    })),
  };
  return {
    doc: { type: 'doc', content: [...body, notesBlock] },
    words,
    notes: nextNote,
    references,
    images: imagesPlaced,
  };
}

export const EMPTY_ARTICLE: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };
