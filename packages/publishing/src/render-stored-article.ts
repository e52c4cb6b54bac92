import { MARKER_STYLES, type MarkerStyle } from '@newsroom/article';
import { renderArticle, type ResolvedRelatedLink } from '@newsroom/renderer';
import type { JSONContent } from '@tiptap/core';

export interface StoredArticleContent {
  /** Article.body: the Tiptap JSON document as text. */
  body: string;
  markerStyle: string;
  /** Already resolved (see `resolveRelatedLinks`); the renderer looks nothing up. */
  related?: readonly ResolvedRelatedLink[];
  /** With a lead image above it, every body image is below the fold and loads lazily. */
  leadImage?: unknown;
}

const EMPTY_DOCUMENT: JSONContent = { type: 'doc', content: [] };

/** Article.body as a document; a damaged one reads as empty. */
export function parseBody(body: string): JSONContent {
  try {
    const doc: unknown = JSON.parse(body);
    return doc !== null && typeof doc === 'object' && !Array.isArray(doc)
      ? (doc as JSONContent)
      : EMPTY_DOCUMENT;
  } catch {
    // Every save is validated, so this is a damaged row: show the page without a body rather
    // than fail it. The renderer escapes and filters whatever a parsed document contains.
    return EMPTY_DOCUMENT;
  }
}

function markerStyleOf(value: string): MarkerStyle {
  return (MARKER_STYLES as readonly string[]).includes(value) ? (value as MarkerStyle) : 'numeric';
}

/** The article's body, notes and related links as HTML, from the shared renderer. */
export function renderStoredArticle(article: StoredArticleContent): string {
  return renderArticle({
    doc: parseBody(article.body),
    markerStyle: markerStyleOf(article.markerStyle),
    related: article.related ?? [],
    eagerImages: article.leadImage ? 0 : 1,
  });
}
