import fc from 'fast-check';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { analyzeFootnotes } from './analyze-document';
import { createFootnotePlugin, footnotePluginKey, getFootnoteMarkers } from './footnote-plugin';
import { doc, note, paragraph, ref, text } from './test-documents';

/** An edit at relative positions (0..1), so fast-check can shrink it. */
type Edit =
  | { kind: 'type'; at: number; value: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'reference'; at: number; note: number }
  | { kind: 'split'; at: number }
  | { kind: 'bold'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('type'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.string({ minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('delete'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('reference'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    note: fc.nat(5),
  }),
  fc.record({ kind: fc.constant('split'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('bold'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 12 }),
  }),
) as fc.Arbitrary<Edit>;

const start = doc(
  [
    paragraph(text('alpha'), ref('a'), text(' beta gamma'), ref('b')),
    paragraph(text('delta'), ref('c'), text(' epsilon'), ref('a')),
    paragraph(text('zeta eta theta')),
  ],
  [note('a', 'Note A'), note('b', 'Note B'), note('c', 'Note C')],
);

/** Text positions (inside textblocks), where typing and references can go. */
function inlinePositions(d: ProseMirrorNode): number[] {
  const positions: number[] = [];
  d.descendants((node, pos) => {
    if (node.isTextblock)
      for (let p = pos + 1; p <= pos + node.nodeSize - 1; p++) positions.push(p);
    return !node.isTextblock;
  });
  return positions;
}

function pick<T>(items: T[], at: number): T {
  return items[Math.min(items.length - 1, Math.floor(at * items.length))]!;
}

function applyEdit(state: EditorState, e: Edit): EditorState {
  const { tr } = state;
  const positions = inlinePositions(state.doc);
  const pos = pick(positions, e.at);
  try {
    if (e.kind === 'type') tr.insertText(e.value, pos);
    else if (e.kind === 'delete') tr.delete(pos, Math.min(pos + e.length, state.doc.content.size));
    else if (e.kind === 'split') tr.split(pos);
    else if (e.kind === 'bold')
      tr.addMark(
        pos,
        Math.min(pos + e.length, state.doc.content.size),
        state.schema.marks.bold!.create(),
      );
    else {
      const ids = analyzeFootnotes(state.doc).notes.map((n) => n.id);
      const $pos = state.doc.resolve(pos);
      if (ids.length === 0 || $pos.node(1).type.name === 'footnotes') return state;
      tr.insert(
        pos,
        state.schema.nodes.footnoteReference!.create({ noteId: pick(ids, e.note / 6) }),
      );
    }
  } catch {
    return state; // an edit the schema refuses here; try the next one
  }
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size))));
  return state.apply(tr);
}

const decorationSummary = (state: EditorState) =>
  (footnotePluginKey.getState(state)?.decorations.find() ?? []).map((d) => [
    d.from,
    d.to,
    (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-marker'],
  ]);

describe('footnote plugin under random edits', () => {
  it('markers and decorations always equal a fresh computation, and invariants hold', () => {
    const schema = getArticleSchema();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let state = EditorState.create({
          doc: schema.nodeFromJSON(start),
          plugins: [createFootnotePlugin('symbols')],
        });
        for (const e of edits) {
          state = applyEdit(state, e);
          const fresh = EditorState.create({
            doc: state.doc,
            plugins: [createFootnotePlugin('symbols')],
          });
          expect([...getFootnoteMarkers(state)]).toEqual([...getFootnoteMarkers(fresh)]);
          expect(decorationSummary(state)).toEqual(decorationSummary(fresh));
          const { references, notes, order } = analyzeFootnotes(state.doc);
          const ids = new Set(notes.map((n) => n.id));
          expect(references.every((r) => ids.has(r.noteId))).toBe(true);
          expect(notes.map((n) => n.id)).toEqual(order);
        }
      }),
      { numRuns: 150 },
    );
  });
});
