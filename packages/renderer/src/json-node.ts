/**
 * The renderer accepts documents that were never validated (previews, old rows), so it reads
 * JSON through these guards instead of trusting the JSONContent type.
 */
export interface LooseNode {
  type: string;
  attrs: Record<string, unknown>;
  content: readonly unknown[];
  marks: readonly unknown[];
  text: unknown;
}

const NO_ATTRS: Record<string, unknown> = {};
const NOTHING: readonly unknown[] = [];

export function asNode(value: unknown): LooseNode | null {
  if (typeof value !== 'object' || value === null) return null;
  const node = value as Record<string, unknown>;
  if (typeof node.type !== 'string') return null;
  const { attrs, content, marks } = node;
  return {
    type: node.type,
    attrs:
      typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : NO_ATTRS,
    content: Array.isArray(content) ? content : NOTHING,
    marks: Array.isArray(marks) ? marks : NOTHING,
    text: node.text,
  };
}
