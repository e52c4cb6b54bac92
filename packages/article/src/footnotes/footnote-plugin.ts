import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { analyzeFootnotes } from './analyze-document';
import { footnoteMarker, type MarkerStyle } from './markers';

export interface FootnotePluginState {
  style: MarkerStyle;
  /** noteId → marker ("1", "†", …) for the editor UI; recomputed on every document change. */
  markers: ReadonlyMap<string, string>;
  decorations: DecorationSet;
}

export const footnotePluginKey = new PluginKey<FootnotePluginState>('footnotes');

/** Current markers by note id, or an empty map when the footnote plugin is not installed. */
export function getFootnoteMarkers(state: EditorState): ReadonlyMap<string, string> {
  return footnotePluginKey.getState(state)?.markers ?? new Map();
}

function computeState(doc: ProseMirrorNode, style: MarkerStyle): FootnotePluginState {
  const { references, notes, order } = analyzeFootnotes(doc);
  const markers = new Map(order.map((id, index) => [id, footnoteMarker(index, style)]));
  const decorations: Decoration[] = [];
  for (const reference of references) {
    const marker = markers.get(reference.noteId);
    if (marker)
      decorations.push(
        Decoration.node(reference.pos, reference.pos + 1, { 'data-marker': marker }),
      );
  }
  for (const note of notes) {
    const marker = markers.get(note.id);
    if (marker) {
      decorations.push(
        Decoration.node(note.pos, note.pos + note.node.nodeSize, { 'data-marker': marker }),
      );
    }
  }
  return { style, markers, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * After every change: references to missing notes go, notes nobody references go, the rest
 * are put in first-reference order, and an empty notes block goes. Returns null when the
 * document already satisfies all of that, which is the common case while typing.
 */
function restoreInvariants(state: EditorState): Transaction | null {
  const { references, block, notes, order } = analyzeFootnotes(state.doc);
  const existing = new Set(notes.map((note) => note.id));
  const dangling = references.filter((reference) => !existing.has(reference.noteId));
  const inOrder =
    notes.length === order.length && notes.every((note, index) => note.id === order[index]);
  if (dangling.length === 0 && inOrder) return null;

  const tr = state.tr;
  // The notes block sits after every reference, so editing it first keeps their positions valid.
  if (block && !inOrder) {
    const byId = new Map<string, ProseMirrorNode>();
    for (const note of notes) if (!byId.has(note.id)) byId.set(note.id, note.node);
    const ordered = order.flatMap((id) => byId.get(id) ?? []);
    if (ordered.length === 0) tr.delete(block.pos, block.pos + block.node.nodeSize);
    else tr.replaceWith(block.pos + 1, block.pos + block.node.nodeSize - 1, ordered);
  }
  for (const reference of [...dangling].reverse()) tr.delete(reference.pos, reference.pos + 1);
  return tr.setMeta(footnotePluginKey, { normalized: true });
}

export function createFootnotePlugin(initialStyle: MarkerStyle): Plugin<FootnotePluginState> {
  return new Plugin<FootnotePluginState>({
    key: footnotePluginKey,
    state: {
      init: (_config, state) => computeState(state.doc, initialStyle),
      apply(tr, previous, _oldState, newState) {
        const meta = tr.getMeta(footnotePluginKey) as { style?: MarkerStyle } | undefined;
        const style = meta?.style ?? previous.style;
        if (!tr.docChanged && style === previous.style) return previous;
        return computeState(newState.doc, style);
      },
    },
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      return restoreInvariants(newState);
    },
    props: {
      decorations: (state) => footnotePluginKey.getState(state)?.decorations,
    },
  });
}
