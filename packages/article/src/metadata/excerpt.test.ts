import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { bodyExcerpt } from './excerpt';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from '../footnotes/names';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('bodyExcerpt', () => {
  it('is the opening text, blocks joined by a space, without notes or their markers', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Where it began')] },
      paragraph(
        text('The council met '),
        { type: FOOTNOTE_REFERENCE, attrs: { noteId: 'a' } },
        text('on Monday.'),
      ),
      {
        type: FOOTNOTES,
        content: [{ type: FOOTNOTE, attrs: { id: 'a' }, content: [paragraph(text('A note.'))] }],
      },
    );
    expect(bodyExcerpt(body)).toBe('Where it began The council met on Monday.');
  });

  it('reads lists and quotes, and turns line breaks and runs of spaces into one space', () => {
    const body = doc(
      {
        type: 'blockquote',
        content: [paragraph(text('“We  will'), { type: 'hardBreak' }, text('see.”'))],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(text('One point'))] }],
      },
    );
    expect(bodyExcerpt(body)).toBe('“We will see.” One point');
  });

  it('cuts a long body at a word boundary within the limit, with an ellipsis', () => {
    const body = doc(paragraph(text('Word, '.repeat(60))), paragraph(text('never reached')));
    const excerpt = bodyExcerpt(body, 40);
    expect(excerpt).toBe('Word, Word, Word, Word, Word, Word…');
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(bodyExcerpt(doc(paragraph(text('x'.repeat(50)))), 20)).toBe(`${'x'.repeat(19)}…`);
  });

  it('is empty for a body without text', () => {
    expect(bodyExcerpt(doc())).toBe('');
    expect(bodyExcerpt(doc({ type: 'image', attrs: { id: 'abcdefgh' } }))).toBe('');
  });
});
