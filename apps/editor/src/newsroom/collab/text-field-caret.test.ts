import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapSelection, type FieldSelection, type TextDelta } from './text-field-caret';

const caret = (at: number): FieldSelection => ({ start: at, end: at, direction: 'none' });
const range = (start: number, end: number): FieldSelection => ({
  start,
  end,
  direction: 'forward',
});

/** The delta a real Y.Text reports for `change`, made on a copy holding `text`. */
function deltaOf(text: string, change: (shared: Y.Text) => void): TextDelta {
  const doc = new Y.Doc();
  const shared = doc.getText('title');
  shared.insert(0, text);
  let delta: TextDelta = [];
  shared.observe((event) => {
    delta = event.delta;
  });
  change(shared);
  return delta;
}

describe('mapSelection: the caret stays on the same letters when someone else edits the field', () => {
  const headline = 'Storm reaches the coast';
  const beforeCoast = headline.indexOf('coast');

  it('moves on by what is typed before it', () => {
    const delta = deltaOf(headline, (text) => text.insert(0, 'Big '));
    expect(mapSelection(caret(beforeCoast), delta)).toEqual(caret(beforeCoast + 4));
  });

  it('stays where it is for what is typed after it', () => {
    const delta = deltaOf(headline, (text) => text.insert(headline.length, ' tonight'));
    expect(mapSelection(caret(beforeCoast), delta)).toEqual(caret(beforeCoast));
  });

  it('moves back by what is deleted before it, to the deletion when it was inside', () => {
    const before = deltaOf(headline, (text) => text.delete(0, 6)); // "Storm "
    expect(mapSelection(caret(beforeCoast), before)).toEqual(caret(beforeCoast - 6));
    const around = deltaOf(headline, (text) => text.delete(beforeCoast - 2, 4));
    expect(mapSelection(caret(beforeCoast), around)).toEqual(caret(beforeCoast - 2));
  });

  it('stays before what is typed exactly at it (each person’s letters stay together)', () => {
    const delta = deltaOf(headline, (text) => text.insert(beforeCoast, 'north '));
    expect(mapSelection(caret(beforeCoast), delta)).toEqual(caret(beforeCoast));
  });

  it('keeps a selection on its letters, not growing with what is typed at its edges', () => {
    const coast = range(beforeCoast, headline.length);
    const atStart = deltaOf(headline, (text) => text.insert(beforeCoast, 'north '));
    expect(mapSelection(coast, atStart)).toEqual(range(beforeCoast + 6, headline.length + 6));
    const atEnd = deltaOf(headline, (text) => text.insert(headline.length, '!'));
    expect(mapSelection(coast, atEnd)).toEqual(coast);
    const inside = deltaOf(headline, (text) => text.insert(beforeCoast + 1, 'xx'));
    expect(mapSelection(coast, inside)).toEqual(range(beforeCoast, headline.length + 2));
  });

  it('follows a change made of several parts (a deletion and an insertion elsewhere)', () => {
    const delta = deltaOf(headline, (text) =>
      text.doc!.transact(() => {
        text.insert(headline.length, '!');
        text.delete(0, 6);
        text.insert(0, 'Gale ');
      }),
    );
    expect(mapSelection(caret(beforeCoast), delta)).toEqual(caret(beforeCoast - 1));
  });

  it('keeps the letters after the caret the same ones, whatever the edit', () => {
    for (const [at, change] of [
      [3, (text: Y.Text) => text.insert(1, 'ab')],
      [3, (text: Y.Text) => text.delete(0, 2)],
      [10, (text: Y.Text) => text.delete(8, 5)],
      [0, (text: Y.Text) => text.insert(0, 'x')],
    ] as const) {
      const doc = new Y.Doc();
      const text = doc.getText('title');
      text.insert(0, headline);
      let delta: TextDelta = [];
      text.observe((event) => (delta = event.delta));
      const after = headline.slice(at);
      change(text);
      const { start } = mapSelection(caret(at), delta);
      const now = text.toString();
      // What followed the caret still follows it (as far as it survived the edit).
      expect(after.endsWith(now.slice(start)) || now.slice(start).endsWith(after)).toBe(true);
    }
  });
});
