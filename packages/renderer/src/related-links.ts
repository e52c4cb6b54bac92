import { isExternalHref, normalizeHref } from '@newsroom/article';
import { escapeHtml } from './escape-html';
import { isPublishableRelatedHref } from './publishable-href';

/** A related article already resolved by the caller: the renderer never looks anything up. */
export interface ResolvedRelatedLink {
  title: string;
  href: string;
}

function relatedItemHtml({ title, href }: ResolvedRelatedLink): string {
  const text = escapeHtml(String(title));
  // As for links in the text: an address we would not publish renders as its title.
  if (!isPublishableRelatedHref(href)) return `<li>${text}</li>`;
  const url = normalizeHref(href);
  // noopener without noreferrer: linked publishers still see our origin (the default referrer
  // policy already hides the path), which is how they know where readers came from.
  const rel = isExternalHref(url) ? ' rel="noopener"' : '';
  return `<li><a href="${escapeHtml(url)}"${rel}>${text}</a></li>`;
}

export function renderRelated(related: readonly ResolvedRelatedLink[]): string {
  if (related.length === 0) return '';
  let html =
    '<aside class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related</h2><ul>';
  for (const link of related) html += relatedItemHtml(link);
  return `${html}</ul></aside>`;
}
