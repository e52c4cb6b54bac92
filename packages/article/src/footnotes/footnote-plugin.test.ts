import { Editor, type JSONContent } from '@tiptap/core';
import { history, undo } from '@tiptap/pm/history';
import type { Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createArticleExtensions } from '../extensions/article-extensions';
import { analyzeFootnotes } from './analyze-document';
import { footnotePluginKey, getFootnoteMarkers } from './footnote-plugin';
import { doc, note, paragraph, ref, text } from './test-documents';

// Node 20 has no global navigator; Tiptap's keymaps sniff it for the platform.
if (typeof navigator === 'undefined')
  vi.stubGlobal('navigator', { platform: 'Linux', userAgent: 'node' });

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/**
 * A headless editor (no DOM). Tiptap only installs plugins when it mounts a view, so they are
 * installed here by hand, plus history to test undo.
 */
function createEditor(
  content: JSONContent,
  markerStyle: 'numeric' | 'symbols' = 'numeric',
): Editor {
  editor = new Editor({ extensions: createArticleExtensions({ markerStyle }), content });
  const plugins = [...editor.extensionManager.plugins, history()];
  editor.view.updateState(editor.state.reconfigure({ plugins }));
  return editor;
}

const json = (e: Editor) => e.getJSON();
const noteOrder = (e: Editor) => analyzeFootnotes(e.state.doc).notes.map((n) => n.id);
const markers = (e: Editor) => Object.fromEntries(getFootnoteMarkers(e.state));

/** Position right after the first occurrence of `needle` in the document text. */
function after(e: Editor, needle: string): number {
  let found = -1;
  e.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(needle))
      found = pos + (node.text.indexOf(needle) + needle.length);
  });
  return found;
}

function undoOnce(e: Editor): void {
  undo(e.state, (tr) => e.view.dispatch(tr));
}

describe('footnote commands', () => {
  it('insertFootnote adds a reference at the cursor and the note in reference order', () => {
    const e = createEditor(doc([paragraph(text('alpha beta'))]));
    e.commands.setTextSelection(after(e, 'beta'));
    expect(e.commands.insertFootnote({ id: 'late', text: 'Late note' })).toBe(true);
    expect(e.state.selection.$from.parent.type.name).toBe('footnote');
    e.commands.setTextSelection(after(e, 'alpha'));
    e.commands.insertFootnote({ id: 'early', focusNote: false });
    expect(noteOrder(e)).toEqual(['early', 'late']);
    expect(markers(e)).toEqual({ early: '1', late: '2' });
    expect(json(e).content?.[0]).toEqual(
      paragraph(text('alpha'), ref('early'), text(' beta'), ref('late')),
    );
  });

  it('insertFootnote generates unique ids', () => {
    const e = createEditor(doc([paragraph(text('a'))]));
    e.commands.setTextSelection(2);
    e.commands.insertFootnote();
    e.commands.setTextSelection(1);
    e.commands.insertFootnote();
    const ids = noteOrder(e);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => /^fn-[0-9a-z]{8}$/.test(id))).toBe(true);
  });

  it('insertFootnoteReference references an existing note and renumbers live', () => {
    const e = createEditor(
      doc([paragraph(text('one two'), ref('a'), ref('b'))], [note('a'), note('b')]),
      'symbols',
    );
    expect(markers(e)).toEqual({ a: '*', b: '†' });
    e.commands.setTextSelection(after(e, 'one'));
    expect(e.commands.insertFootnoteReference('b')).toBe(true);
    expect(noteOrder(e)).toEqual(['b', 'a']);
    expect(markers(e)).toEqual({ b: '*', a: '†' });
    expect(e.commands.insertFootnoteReference('missing')).toBe(false);
  });

  it('refuses to put references inside notes', () => {
    const e = createEditor(doc([paragraph(ref('a'))], [note('a')]));
    e.commands.setTextSelection(after(e, 'note a'));
    expect(e.commands.insertFootnote()).toBe(false);
    expect(e.commands.insertFootnoteReference('a')).toBe(false);
  });

  it('setFootnoteMarkerStyle switches markers without touching the document', () => {
    const e = createEditor(doc([paragraph(ref('a'))], [note('a')]));
    const before = e.state.doc;
    e.commands.setFootnoteMarkerStyle('symbols');
    expect(markers(e)).toEqual({ a: '*' });
    expect(e.state.doc).toBe(before);
  });
});

describe('footnote invariants plugin', () => {
  it('deleting the last reference removes the note and the empty block; undo restores both', () => {
    const start = doc([paragraph(text('x'), ref('a'), text('y'))], [note('a')]);
    const e = createEditor(start);
    e.commands.deleteRange({ from: 2, to: 3 });
    expect(json(e)).toEqual(doc([paragraph(text('xy'))]));
    undoOnce(e);
    expect(json(e)).toEqual(start);
    expect(markers(e)).toEqual({ a: '1' });
  });

  it('keeps a note while another reference remains', () => {
    const e = createEditor(doc([paragraph(ref('a'), text('mid'), ref('a'))], [note('a')]));
    e.commands.deleteRange({ from: 1, to: 2 });
    expect(noteOrder(e)).toEqual(['a']);
  });

  it('reorders notes when a reference moves (drag is a delete plus an insert)', () => {
    const e = createEditor(
      doc([paragraph(text('p'), ref('a'), text('q'), ref('b'))], [note('a'), note('b')]),
    );
    const { tr } = e.state;
    const bPos = after(e, 'q');
    const moved = tr.doc.slice(bPos, bPos + 1);
    tr.delete(bPos, bPos + 1).replace(1, 1, moved);
    e.view.dispatch(tr);
    expect(noteOrder(e)).toEqual(['b', 'a']);
    expect(markers(e)).toEqual({ b: '1', a: '2' });
  });

  it('pasting a copied reference keeps its noteId', () => {
    const e = createEditor(
      doc([paragraph(text('one'), ref('a')), paragraph(text('two'))], [note('a')]),
    );
    const copied: Slice = e.state.doc.slice(after(e, 'one'), after(e, 'one') + 1);
    const target = after(e, 'two');
    e.view.dispatch(
      e.state.tr.setSelection(TextSelection.create(e.state.doc, target)).replaceSelection(copied),
    );
    expect(json(e).content?.[1]).toEqual(paragraph(text('two'), ref('a')));
    expect(noteOrder(e)).toEqual(['a']);
  });

  it('cut and paste of the only reference keeps its note (cut removes it, paste brings it back)', () => {
    const e = createEditor(
      doc(
        [paragraph(text('one'), ref('a'), text(' two'), ref('b'))],
        [note('a', 'Note A'), note('b')],
      ),
      'symbols',
    );
    const from = after(e, 'one');
    const cut: Slice = e.state.doc.slice(from, from + 1);
    e.view.dispatch(e.state.tr.delete(from, from + 1));
    expect(markers(e)).toEqual({ b: '*' });
    e.view.dispatch(
      e.state.tr
        .setSelection(TextSelection.create(e.state.doc, after(e, 'two')))
        .replaceSelection(cut),
    );
    expect(json(e)).toEqual(
      doc([paragraph(text('one two'), ref('a'), ref('b'))], [note('a', 'Note A'), note('b')]),
    );
    expect(markers(e)).toEqual({ a: '*', b: '†' });
  });

  it('brings a cut note back even when the notes block had gone with it', () => {
    const e = createEditor(
      doc([paragraph(text('one'), ref('a')), paragraph(text('two'))], [note('a')]),
    );
    const from = after(e, 'one');
    const cut: Slice = e.state.doc.slice(from, from + 1);
    e.view.dispatch(e.state.tr.delete(from, from + 1));
    expect(json(e)).toEqual(doc([paragraph(text('one')), paragraph(text('two'))]));
    e.view.dispatch(
      e.state.tr
        .setSelection(TextSelection.create(e.state.doc, after(e, 'two')))
        .replaceSelection(cut),
    );
    expect(json(e)).toEqual(
      doc([paragraph(text('one')), paragraph(text('two'), ref('a'))], [note('a')]),
    );
  });

  it('removes references whose note is gone (e.g. pasted from another article)', () => {
    const e = createEditor(doc([paragraph(text('one'))]));
    const foreign = e.schema.nodes.footnoteReference?.create({ noteId: 'elsewhere' });
    if (!foreign) throw new Error('schema lacks footnoteReference');
    e.view.dispatch(e.state.tr.insert(1, foreign));
    expect(json(e)).toEqual(doc([paragraph(text('one'))]));
  });

  it('exposes decorations carrying the markers', () => {
    const e = createEditor(
      doc([paragraph(ref('a'), ref('b'), ref('a'))], [note('a'), note('b')]),
      'symbols',
    );
    const decorations = footnotePluginKey.getState(e.state)?.decorations.find() ?? [];
    const attrs = decorations.map(
      (d) =>
        (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-marker'],
    );
    expect(attrs).toEqual(['*', '†', '*', '*', '†']);
  });
});

describe('footnote plugin under co-editing', () => {
  function removeReference(e: Editor, meta?: string) {
    let at = -1;
    e.state.doc.descendants((node, pos) => {
      if (at < 0 && node.type.name === 'footnoteReference') at = pos;
    });
    const tr = e.state.tr.delete(at, at + 1);
    if (meta) tr.setMeta(meta, true);
    e.view.dispatch(tr);
  }

  it('leaves transactions from other editors alone, and repairs local ones', () => {
    const content = doc([paragraph(text('One'), ref('a'), text(' two'))], [note('a')]);
    editor = new Editor({
      extensions: createArticleExtensions({
        isRemoteTransaction: (tr) => tr.getMeta('remote') === true,
      }),
      content,
    });
    editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
    removeReference(editor, 'remote');
    // Someone else's change: no repair here (every editor would make it at once).
    expect(noteOrder(editor)).toEqual(['a']);
    editor.view.dispatch(editor.state.tr.insertText('x', 1));
    // The next local edit restores the invariant: the unreferenced note goes.
    expect(noteOrder(editor)).toEqual([]);
  });

  /** What y-tiptap dispatches for a co-editor's change: the whole document replaced. */
  function replaceWholeDocument(e: Editor, change: (content: JSONContent) => JSONContent) {
    const next = e.schema.nodeFromJSON(change(e.getJSON()));
    const tr = e.state.tr.replaceWith(0, e.state.doc.content.size, next.content);
    e.view.dispatch(tr.setMeta('remote', true));
  }

  const markerDecorations = (e: Editor) =>
    (footnotePluginKey.getState(e.state)?.decorations.find() ?? []).map((d) => ({
      from: d.from,
      marker: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs[
        'data-marker'
      ],
    }));

  function coEditor(content: JSONContent) {
    editor = new Editor({
      extensions: createArticleExtensions({
        isRemoteTransaction: (tr) => tr.getMeta('remote') === true,
      }),
      content,
    });
    editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
    return editor;
  }

  it('a whole-document replacement that only types keeps every marker, moved along', () => {
    const e = coEditor(
      doc(
        [paragraph(text('One'), ref('a'), text(' two')), paragraph(text('Three'), ref('b'))],
        [note('a'), note('b')],
      ),
    );
    replaceWholeDocument(e, (content) => {
      const first = content.content![0]!;
      first.content![0] = { type: 'text', text: 'Once one' };
      return content;
    });
    const fresh = coEditor(e.getJSON());
    expect(markerDecorations(e)).toEqual(markerDecorations(fresh));
    expect(markerDecorations(e).map((d) => d.marker)).toEqual(['1', '2', '1', '2']);
  });

  it('a whole-document replacement that adds a reference renumbers', () => {
    const e = coEditor(
      doc(
        [paragraph(text('One'), ref('a'), text(' two')), paragraph(text('Three'), ref('b'))],
        [note('a'), note('b')],
      ),
    );
    replaceWholeDocument(e, (content) => {
      content.content![0]!.content!.unshift(ref('b'));
      return content;
    });
    expect(markers(e)).toEqual({ b: '1', a: '2' });
    const fresh = coEditor(e.getJSON());
    expect(markerDecorations(e)).toEqual(markerDecorations(fresh));
  });
});
