import type { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { analyzeFootnotes } from './analyze-document';
import { footnoteMarker, type MarkerStyle } from './markers';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './names';

export interface FootnotePluginState {
  style: MarkerStyle;
  /** noteId → marker ("1", "†", …) for the editor UI; recomputed on every document change. */
  markers: ReadonlyMap<string, string>;
  decorations: DecorationSet;
  /**
   * Notes this editor removed because their last reference went (a cut, a deletion), by id.
   * Pasting such a reference back brings its note back instead of dropping the reference.
   */
  detached: ReadonlyMap<string, ProseMirrorNode>;
  /** No dangling reference, no unreferenced note, notes in first-reference order. */
  consistent: boolean;
}

/** How many removed notes are remembered for a later paste (oldest forgotten first). */
const MAX_DETACHED_NOTES = 200;

export const footnotePluginKey = new PluginKey<FootnotePluginState>('footnotes');

/** Current markers by note id, or an empty map when the footnote plugin is not installed. */
export function getFootnoteMarkers(state: EditorState): ReadonlyMap<string, string> {
  return footnotePluginKey.getState(state)?.markers ?? new Map();
}

function notesById(doc: ProseMirrorNode): Map<string, ProseMirrorNode> {
  const notes = new Map<string, ProseMirrorNode>();
  const block = doc.lastChild;
  if (block?.type.name !== FOOTNOTES) return notes;
  block.forEach((note) => {
    if (note.type.name === FOOTNOTE) notes.set(String(note.attrs.id), note);
  });
  return notes;
}

/** Adds the notes that left the document between `before` and `after` to `detached`. */
function rememberRemovedNotes(
  detached: ReadonlyMap<string, ProseMirrorNode>,
  before: ProseMirrorNode,
  after: ProseMirrorNode,
): ReadonlyMap<string, ProseMirrorNode> {
  // Typing in the body shares the notes block between the two documents: nothing to compare.
  if (before.lastChild === after.lastChild) return detached;
  const remaining = notesById(after);
  const removed = [...notesById(before)].filter(([id]) => !remaining.has(id));
  if (removed.length === 0) return detached;
  return withRemembered(detached, removed);
}

/** `detached` with `notes` added as the newest, the oldest forgotten past the limit. */
function withRemembered(
  detached: ReadonlyMap<string, ProseMirrorNode>,
  notes: readonly (readonly [string, ProseMirrorNode])[],
): ReadonlyMap<string, ProseMirrorNode> {
  const next = new Map(detached);
  for (const [id, note] of notes) {
    next.delete(id);
    next.set(id, note);
  }
  for (const id of next.keys()) {
    if (next.size <= MAX_DETACHED_NOTES) break;
    next.delete(id);
  }
  return next;
}

const FOOTNOTE_NODES = new Set([FOOTNOTE_REFERENCE, FOOTNOTE, FOOTNOTES]);

function hasFootnoteNodes(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (FOOTNOTE_NODES.has(node.type.name)) found = true;
    return !found;
  });
  return found;
}

/**
 * True when a step cannot add, remove or reorder references or notes: marks, or a flat
 * replacement inside one textblock (typing, deleting characters, pasting plain text) with no
 * footnote node deleted or inserted. Anything else (splitting blocks, joins, structure) is
 * treated as touching the footnotes.
 */
function isFootnoteNeutral(step: unknown, doc: ProseMirrorNode): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0 || hasFootnoteNodes(slice.content)) return false;
  const $from = doc.resolve(from);
  if (!$from.parent.inlineContent || to > $from.end()) return false;
  return from === to || !hasFootnoteNodes(doc.slice(from, to).content);
}

/**
 * The one replacement that turns `before` into `after`, found by comparing them (cheap where they
 * share nodes); null when they are equal. A remote change arrives as a replacement of the whole
 * document (y-tiptap re-renders the body, reusing the unchanged blocks' nodes); this is the part
 * that really changed.
 */
function actualChange(before: ProseMirrorNode, after: ProseMirrorNode): ReplaceStep | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  if (!end) return null;
  // Repeated content can make the two ends overlap the start: widen both alike.
  const overlap = Math.max(0, start - Math.min(end.a, end.b));
  return new ReplaceStep(start, end.a + overlap, after.slice(start, end.b + overlap));
}

const neutralCache = new WeakMap<Transaction, boolean>();

/** Whether `tr` leaves references, notes and their order exactly as they were (cached). */
function leavesFootnotesAlone(tr: Transaction): boolean {
  let neutral = neutralCache.get(tr);
  if (neutral === undefined) {
    neutral = tr.steps.every((step, index) => isFootnoteNeutral(step, tr.docs[index]!));
    neutralCache.set(tr, neutral);
  }
  return neutral;
}

function computeState(
  doc: ProseMirrorNode,
  style: MarkerStyle,
  detached: ReadonlyMap<string, ProseMirrorNode>,
): FootnotePluginState {
  const { references, notes, order } = analyzeFootnotes(doc);
  const markers = new Map(order.map((id, index) => [id, footnoteMarker(index, style)]));
  const existing = new Set(notes.map((note) => note.id));
  const consistent =
    references.every((reference) => existing.has(reference.noteId)) &&
    notes.length === order.length &&
    notes.every((note, index) => note.id === order[index]);
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
  return {
    style,
    markers,
    decorations: DecorationSet.create(doc, decorations),
    detached,
    consistent,
  };
}

/**
 * After every change: references to missing notes go (unless this editor removed that note a
 * moment ago, e.g. on cut, and can bring it back), notes nobody references go, the rest are put
 * in first-reference order, and an empty notes block goes. Returns null when the document
 * already satisfies all of that, which is the common case while typing.
 */
function restoreInvariants(
  state: EditorState,
  detached: ReadonlyMap<string, ProseMirrorNode>,
): Transaction | null {
  const { references, block, notes } = analyzeFootnotes(state.doc);
  const byId = new Map<string, ProseMirrorNode>();
  for (const note of notes) if (!byId.has(note.id)) byId.set(note.id, note.node);
  let restored = false;
  for (const reference of references) {
    const note = byId.has(reference.noteId) ? undefined : detached.get(reference.noteId);
    if (note) {
      byId.set(reference.noteId, note);
      restored = true;
    }
  }
  const dangling = references.filter((reference) => !byId.has(reference.noteId));
  const order = [...new Set(references.map((reference) => reference.noteId))].filter((id) =>
    byId.has(id),
  );
  const inOrder =
    !restored &&
    notes.length === order.length &&
    notes.every((note, index) => note.id === order[index]);
  if (dangling.length === 0 && inOrder) return null;

  const tr = state.tr;
  // The notes block sits after every reference, so editing it first keeps their positions valid.
  if (!inOrder) {
    const ordered = order.flatMap((id) => byId.get(id) ?? []);
    const blockType = state.schema.nodes[FOOTNOTES];
    if (block && ordered.length === 0) tr.delete(block.pos, block.pos + block.node.nodeSize);
    else if (block) tr.replaceWith(block.pos + 1, block.pos + block.node.nodeSize - 1, ordered);
    else if (blockType && ordered.length > 0)
      tr.insert(state.doc.content.size, blockType.create(null, ordered));
  }
  for (const reference of [...dangling].reverse()) tr.delete(reference.pos, reference.pos + 1);
  return tr.setMeta(footnotePluginKey, { normalized: true });
}

interface FootnoteMeta {
  style?: MarkerStyle;
  carried?: readonly ProseMirrorNode[];
}

/** Notes a paste brought along, held like notes removed a moment ago: a reference brings its own back. */
function carry(
  previous: FootnotePluginState,
  carried: readonly ProseMirrorNode[],
): ReadonlyMap<string, ProseMirrorNode> {
  // A note of this article keeps its own content: the reference points at it already. A
  // clipboard (any web page's) holding thousands of notes is held to the same limit.
  const notes = carried
    .map((note) => [String(note.attrs.id), note] as const)
    .filter(([id]) => !previous.markers.has(id));
  return withRemembered(previous.detached, notes);
}

/**
 * Makes `notes` (footnote nodes from the clipboard, see copied-notes) available to the next
 * paste: a pasted reference to one of them brings that note into the notes block.
 */
export function carryNotes(tr: Transaction, notes: readonly ProseMirrorNode[]): Transaction {
  return tr.setMeta(footnotePluginKey, { carried: notes } satisfies FootnoteMeta);
}

/** Whether a reference to `noteId` pasted now keeps its note (in the article, or carried). */
export function hasNoteFor(state: EditorState, noteId: string): boolean {
  const plugin = footnotePluginKey.getState(state);
  return !!plugin && (plugin.markers.has(noteId) || plugin.detached.has(noteId));
}

/**
 * `isRemote`: transactions that bring another editor's changes (live co-editing). They are never
 * repaired here: every connected editor would make the same repair at once, and concurrent
 * moves of one note duplicate it. The invariants are restored when the working copy is derived,
 * and by the next local edit.
 */
export function createFootnotePlugin(
  initialStyle: MarkerStyle,
  isRemote: (tr: Transaction) => boolean = () => false,
): Plugin<FootnotePluginState> {
  return new Plugin<FootnotePluginState>({
    key: footnotePluginKey,
    state: {
      init: (_config, state) => computeState(state.doc, initialStyle, new Map()),
      apply(tr, previous, oldState, newState) {
        const meta = tr.getMeta(footnotePluginKey) as FootnoteMeta | undefined;
        if (meta?.carried) return { ...previous, detached: carry(previous, meta.carried) };
        const style = meta?.style ?? previous.style;
        if (!tr.docChanged && style === previous.style) return previous;
        // Typing is the hot path: map the markers along instead of walking the whole document.
        if (style === previous.style && leavesFootnotesAlone(tr)) {
          return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        }
        // A whole-document replacement (a co-editor's key) is typing too when what actually
        // changed is: map along that, rather than the replacement, which would drop every marker.
        if (style === previous.style && tr.steps.length === 1) {
          const change = actualChange(oldState.doc, newState.doc);
          if (!change) return previous;
          if (isFootnoteNeutral(change, oldState.doc)) {
            const map = new StepMap([change.from, change.to - change.from, change.slice.size]);
            const decorations = previous.decorations.map(new Mapping([map]), newState.doc);
            return { ...previous, decorations };
          }
        }
        const detached = tr.docChanged
          ? rememberRemovedNotes(previous.detached, oldState.doc, newState.doc)
          : previous.detached;
        return computeState(newState.doc, style, detached);
      },
    },
    appendTransaction(transactions, _oldState, newState) {
      const changed = transactions.filter((tr) => tr.docChanged);
      if (changed.length === 0 || changed.some(isRemote)) return null;
      const state = footnotePluginKey.getState(newState);
      if (state?.consistent && changed.every(leavesFootnotesAlone)) return null;
      return restoreInvariants(newState, state?.detached ?? new Map());
    },
    props: {
      decorations: (state) => footnotePluginKey.getState(state)?.decorations,
    },
  });
}
