import { getArticleSchema, isExternalHref, normalizeHref } from '@newsroom/article';
import { escapeHtml } from './escape-html';
import { asNode } from './json-node';
import { isPublishableBodyHref } from './publishable-href';

/** A mark reduced to what the renderer outputs; `key` identifies equal marks across siblings. */
export interface RenderableMark {
  rank: number;
  key: string;
  open: string;
  close: string;
}

// Nesting follows the schema's mark order, as ProseMirror's own serializer does.
const RANK = new Map(Object.keys(getArticleSchema().marks).map((name, index) => [name, index]));

const BOLD: RenderableMark = {
  rank: RANK.get('bold') ?? 0,
  key: 'bold',
  open: '<strong>',
  close: '</strong>',
};
const ITALIC: RenderableMark = {
  rank: RANK.get('italic') ?? 0,
  key: 'italic',
  open: '<em>',
  close: '</em>',
};

function linkMark(attrs: Record<string, unknown>): RenderableMark | null {
  // A link we would not publish renders as its plain text.
  if (!isPublishableBodyHref(attrs.href)) return null;
  const href = normalizeHref(attrs.href);
  let open = `<a href="${escapeHtml(href)}"`;
  if (typeof attrs.title === 'string' && attrs.title) open += ` title="${escapeHtml(attrs.title)}"`;
  if (attrs.target === '_blank') open += ' target="_blank"';
  if (isExternalHref(href)) open += ' rel="noopener"';
  open += '>';
  return { rank: RANK.get('link') ?? 0, key: open, open, close: '</a>' };
}

export const RENDERED_MARK_TYPES = ['bold', 'italic', 'link'] as const;

/** Known, allowed marks of an inline node, deduplicated and in nesting order. */
export function renderableMarks(marks: readonly unknown[], withLinks: boolean): RenderableMark[] {
  if (marks.length === 0) return [];
  const result: RenderableMark[] = [];
  for (const value of marks) {
    const mark = asNode(value);
    let renderable: RenderableMark | null = null;
    if (mark?.type === 'bold') renderable = BOLD;
    else if (mark?.type === 'italic') renderable = ITALIC;
    else if (mark?.type === 'link' && withLinks) renderable = linkMark(mark.attrs);
    if (renderable && !result.some((other) => other.rank === renderable.rank))
      result.push(renderable);
  }
  return result.length > 1 ? result.sort((a, b) => a.rank - b.rank) : result;
}
