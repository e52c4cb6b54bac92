import { type MarkerStyle, numberNotes } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { escapeHtml } from './escape-html';
import {
  backLinksHtml,
  noteOpenHtml,
  noteReferenceHtml,
  NOTES_CLOSE_HTML,
  notesOpenHtml,
} from './footnote-markup';
import { figureHtml, readFigureImage } from './figure-markup';
import { asNode, type LooseNode } from './json-node';
import { type RenderableMark, renderableMarks } from './marks';

interface NoteState {
  number: number;
  marker: string;
  content: readonly unknown[];
  /** References rendered so far; also the count of back-links the note gets. */
  rendered: number;
}

const HEADING_LEVELS = new Set([2, 3, 4]);
const LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);

/** Tags for block nodes that just wrap their children. */
const CONTAINERS: Record<string, [string, string]> = {
  blockquote: ['<blockquote>', '</blockquote>'],
  bulletList: ['<ul>', '</ul>'],
  listItem: ['<li>', '</li>'],
};

const BLOCK_TYPES = new Set([
  ...Object.keys(CONTAINERS),
  'paragraph',
  'heading',
  'orderedList',
  'image',
]);

export const RENDERED_NODE_TYPES = [
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'text',
  'hardBreak',
  'footnoteReference',
  'footnotes',
  'footnote',
  'image',
] as const;

function orderedListOpen(attrs: Record<string, unknown>): string {
  let html = '<ol';
  const { start, type } = attrs;
  if (typeof start === 'number' && Number.isInteger(start) && start !== 1)
    html += ` start="${start}"`;
  if (typeof type === 'string' && LIST_TYPES.has(type)) html += ` type="${type}"`;
  return `${html}>`;
}

/**
 * A string serializer over the JSON document. Only node and mark types it knows are written,
 * every piece of text and every attribute goes through `escapeHtml`, and anything unknown is
 * dropped with its content rather than passed through.
 */
class BodyRenderer {
  html = '';
  readonly notes = new Map<string, NoteState>();

  /** Images rendered so far: the first `eagerImages` load at once, the rest lazily. */
  images = 0;

  constructor(
    doc: JSONContent,
    private readonly style: MarkerStyle,
    private readonly eagerImages: number,
  ) {
    for (const note of numberNotes(doc, style)) {
      this.notes.set(note.id, {
        number: note.number,
        marker: note.marker,
        content: note.content,
        rendered: 0,
      });
    }
  }

  blocks(children: readonly unknown[], separator: string): void {
    let first = true;
    for (const child of children) {
      const node = asNode(child);
      // Only known blocks count, so an unknown node leaves no stray separator behind.
      if (!node || !BLOCK_TYPES.has(node.type)) continue;
      if (!first) this.html += separator;
      first = false;
      this.block(node);
    }
  }

  block(node: LooseNode): void {
    const container = CONTAINERS[node.type];
    if (container) {
      this.html += container[0];
      this.blocks(node.content, '');
      this.html += container[1];
    } else if (node.type === 'paragraph') {
      this.html += '<p>';
      this.inline(node.content, true);
      this.html += '</p>';
    } else if (node.type === 'heading') {
      const level = HEADING_LEVELS.has(node.attrs.level as number)
        ? (node.attrs.level as number)
        : 2;
      this.html += `<h${level}>`;
      this.inline(node.content, true);
      this.html += `</h${level}>`;
    } else if (node.type === 'orderedList') {
      this.html += orderedListOpen(node.attrs);
      this.blocks(node.content, '');
      this.html += '</ol>';
    } else if (node.type === 'image') {
      const image = readFigureImage(node.attrs);
      if (!image) return;
      this.html += figureHtml(image, { lazy: this.images >= this.eagerImages });
      this.images += 1;
    }
  }

  /** Inline children, opening and closing marks only where they change, like ProseMirror. */
  inline(children: readonly unknown[], allowReferences: boolean): void {
    const open: RenderableMark[] = [];
    for (const child of children) {
      const node = asNode(child);
      if (!node) continue;
      const leaf = this.inlineLeaf(node, allowReferences);
      if (leaf === '') continue;
      // A note reference is itself a link, so it never sits inside one.
      const marks = renderableMarks(node.marks, node.type !== 'footnoteReference');
      let keep = 0;
      while (keep < open.length && keep < marks.length && open[keep]?.key === marks[keep]?.key)
        keep++;
      while (open.length > keep) this.html += open.pop()?.close ?? '';
      for (let index = keep; index < marks.length; index++) {
        const mark = marks[index] as RenderableMark;
        this.html += mark.open;
        open.push(mark);
      }
      this.html += leaf;
    }
    while (open.length > 0) this.html += open.pop()?.close ?? '';
  }

  inlineLeaf(node: LooseNode, allowReferences: boolean): string {
    if (node.type === 'text') return typeof node.text === 'string' ? escapeHtml(node.text) : '';
    if (node.type === 'hardBreak') return '<br>';
    if (node.type !== 'footnoteReference' || !allowReferences) return '';
    const note = this.notes.get(node.attrs.noteId as string);
    if (!note) return '';
    note.rendered += 1;
    return noteReferenceHtml(note.number, note.rendered, note.marker);
  }

  notesSection(): void {
    if (this.notes.size === 0) return;
    this.html += notesOpenHtml(this.style);
    for (const note of this.notes.values()) {
      this.html += noteOpenHtml(note.number, note.marker, this.style);
      this.inline(note.content, false);
      this.html += `${backLinksHtml(note.number, note.rendered)}</li>`;
    }
    this.html += NOTES_CLOSE_HTML;
  }
}

export interface RenderBodyOptions {
  /**
   * How many images, from the top, load at once; the rest get `loading="lazy"`. Default 1 (the
   * first image is usually in the first screen); 0 when a lead image sits above the body.
   */
  eagerImages?: number;
}

/** The article body followed by its notes section (if any note is referenced). */
export function renderBody(
  doc: JSONContent,
  markerStyle: MarkerStyle,
  { eagerImages = 1 }: RenderBodyOptions = {},
): string {
  const style: MarkerStyle = markerStyle === 'symbols' ? 'symbols' : 'numeric';
  const renderer = new BodyRenderer(doc, style, eagerImages);
  const root = asNode(doc);
  if (root?.type === 'doc') renderer.blocks(root.content, '\n');
  const body = renderer.html;
  renderer.html = '';
  renderer.notesSection();
  return renderer.html ? `${body}\n${renderer.html}` : body;
}
