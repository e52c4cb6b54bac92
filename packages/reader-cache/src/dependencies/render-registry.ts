import { randomBytes } from 'node:crypto';
import type { DependencyTag } from './tags';

/**
 * Request header that marks the cache's own render of a page. Its value is an unguessable id of
 * a render in progress, so the page can hand its dependencies back to the cache that asked.
 */
export const READER_RENDER_HEADER = 'x-newsroom-reader-render';

// Next.js bundles its own copy of this module into the app, separate from the one the front
// server imports: the two meet on globalThis, as the shortener's runtime does.
const REGISTRY_KEY = Symbol.for('newsroom.reader-cache.renders');

type Registry = Map<string, Set<DependencyTag>>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= new Map());
}

export interface PageRender {
  id: string;
  /** What the page recorded while it rendered. */
  tags(): DependencyTag[];
  end(): void;
}

export function beginPageRender(): PageRender {
  const id = randomBytes(18).toString('base64url');
  const tags = new Set<DependencyTag>();
  registry().set(id, tags);
  return { id, tags: () => [...tags], end: () => registry().delete(id) };
}

export function isPageRenderInProgress(id: string | string[] | undefined): boolean {
  return typeof id === 'string' && registry().has(id);
}

/**
 * Called by a reader page while it renders: what it shows comes from these tags. Does nothing
 * outside a cache render (a request straight to Next.js, or an id nobody issued).
 */
export function recordPageDependencies(
  renderId: string | null | undefined,
  tags: readonly DependencyTag[],
): void {
  if (!renderId) return;
  const recorded = registry().get(renderId);
  if (recorded) for (const tag of tags) recorded.add(tag);
}
