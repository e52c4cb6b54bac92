import { getArticleSchema } from '@newsroom/article';
import { RENDERED_MARK_TYPES } from './marks';
import { RENDERED_NODE_TYPES } from './render-body';

/**
 * Fails at startup, not in production HTML, if the shared extension list gains a node or mark
 * this serializer does not know: the editor could save documents the reader would drop.
 */
export function assertRendererCoversSchema(): void {
  const schema = getArticleSchema();
  const nodes = new Set<string>(RENDERED_NODE_TYPES);
  const marks = new Set<string>(RENDERED_MARK_TYPES);
  const missing = [
    ...Object.keys(schema.nodes).filter((name) => !nodes.has(name)),
    ...Object.keys(schema.marks).filter((name) => !marks.has(name)),
  ];
  if (missing.length > 0) {
    throw new Error(`@newsroom/renderer cannot render schema types: ${missing.join(', ')}`);
  }
}
