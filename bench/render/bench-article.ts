import type { JSONContent } from '@tiptap/core';

const WORDS = (
  'the report says russia likely supports reconciliation efforts in the hope that a long term ' +
  'military presence will end officials expressed support for talks while lawmakers proposed ' +
  'sanctions against senior figures and the defence sector according to sources familiar with ' +
  'the assessment which found no evidence to validate allegations about collusion'
).split(' ');

/** Deterministic pseudo-random numbers, so every run benchmarks the same document. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export interface BenchArticle {
  doc: JSONContent;
  related: { title: string; href: string }[];
  words: number;
  notes: number;
  references: number;
}

/**
 * A 2,000-word article: 20 paragraphs of 100 words with some bold, italic and links, a heading,
 * a list and a quote, 50 notes (every fifth one referenced twice) and 10 related links.
 */
export function buildBenchArticle(): BenchArticle {
  const random = lcg(42);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'word';
  const noteCount = 50;
  const references: string[] = [];
  for (let n = 0; n < noteCount; n++) {
    references.push(`note-${n}`);
    if (n % 5 === 4) references.push(`note-${n - 2}`);
  }

  let words = 0;
  const paragraphs: JSONContent[] = [];
  for (let p = 0; p < 20; p++) {
    const content: JSONContent[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length) content.push({ type: 'text', text: `${run.join(' ')} ` });
      run = [];
    };
    for (let w = 0; w < 100; w++, words++) {
      if (w % 33 === 10) {
        flush();
        const marks =
          w % 2
            ? [{ type: 'bold' }]
            : [{ type: 'link', attrs: { href: `https://example.com/${p}/${w}` } }];
        content.push({ type: 'text', text: `${word()} ${word()}`, marks });
        content.push({ type: 'text', text: ' ' });
        w += 1;
        words += 1;
        continue;
      }
      if (w % 25 === 24 && references.length > 0) {
        run.push(word());
        flush();
        content.push({ type: 'footnoteReference', attrs: { noteId: references.shift() } });
        content.push({ type: 'text', text: ' ', marks: [{ type: 'italic' }] });
        continue;
      }
      run.push(word());
    }
    flush();
    paragraphs.push({ type: 'paragraph', content });
  }
  // Leftover references go in a final paragraph so every note is referenced.
  if (references.length > 0) {
    paragraphs.push({
      type: 'paragraph',
      content: references.flatMap((noteId) => [
        { type: 'text', text: 'see ' },
        { type: 'footnoteReference', attrs: { noteId } },
      ]),
    });
  }

  const doc: JSONContent = {
    type: 'doc',
    content: [
      ...paragraphs.slice(0, 10),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] },
      { type: 'blockquote', content: [paragraphs[10] as JSONContent] },
      {
        type: 'bulletList',
        content: paragraphs
          .slice(11, 13)
          .map((paragraph) => ({ type: 'listItem', content: [paragraph] })),
      },
      ...paragraphs.slice(13),
      {
        type: 'footnotes',
        content: Array.from({ length: noteCount }, (_, n) => ({
          type: 'footnote',
          attrs: { id: `note-${n}` },
          content: [
            { type: 'text', text: `Note ${n}: ` },
            {
              type: 'text',
              text: 'source',
              marks: [{ type: 'link', attrs: { href: `https://example.com/source/${n}` } }],
            },
            { type: 'text', text: ` ${word()} ${word()} ${word()}.` },
          ],
        })),
      },
    ],
  };
  const related = Array.from({ length: 10 }, (_, n) =>
    n % 2
      ? { title: `Related story ${n} & more`, href: `/articles/related-${n}` }
      : { title: `External story ${n}`, href: `https://example.org/story/${n}` },
  );
  return { doc, related, words, notes: noteCount, references: 60 };
}
