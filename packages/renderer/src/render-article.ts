import type { MarkerStyle } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { type ResolvedRelatedLink, renderRelated } from './related-links';
import { renderBody, type RenderBodyOptions } from './render-body';
import { assertRendererCoversSchema } from './schema-coverage';

assertRendererCoversSchema();

export interface RenderArticleInput extends RenderBodyOptions {
  doc: JSONContent;
  markerStyle: MarkerStyle;
  related?: readonly ResolvedRelatedLink[];
}

/** Article HTML: body, notes, related links. Same input, same bytes. */
export function renderArticle({
  doc,
  markerStyle,
  related = [],
  eagerImages,
}: RenderArticleInput): string {
  const body = renderBody(doc, markerStyle, { eagerImages });
  const aside = renderRelated(related);
  return aside ? `${body}\n${aside}` : body;
}
