import { BODY_LINK, parseLinkAddress } from '../validation/link-address';
import { elementsUnder } from './dom';

/** A link whose address the article stores as it is (see parseLinkAddress). */
export function isLinkToKeep(anchor: Element): boolean {
  const href = anchor.getAttribute('href');
  return href !== null && parseLinkAddress(href, BODY_LINK).ok;
}

/**
 * A link the writer would miss: one with an address, not a place in the copied document itself
 * (`#_Toc…`, `#heading=…`), which the article does not have.
 */
export function isLostLink(anchor: Element): boolean {
  const href = anchor.getAttribute('href')?.trim() ?? '';
  return href !== '' && !href.startsWith('#') && !isLinkToKeep(anchor);
}

/** How many links under `root` lose their address (and keep their words) when pasted. */
export function lostLinkCount(root: Element): number {
  return elementsUnder(root, 'a[href]').filter(isLostLink).length;
}
