import {
  BODY_LINK,
  isAllowedHref,
  parseLinkAddress,
  RELATED_LINK,
  type LinkAddressOptions,
} from '@newsroom/article';

/** How many judged addresses are remembered per kind of link, before starting afresh. */
const MAX_REMEMBERED = 10_000;

/**
 * Whether a stored href is one we publish. Stored JSON is never trusted, and an article stored
 * before a stricter check may hold an address the validator (parseLinkAddress) now refuses: such
 * a link renders as its words. The validator's judgement costs ~8 µs (a URL parse) and the same
 * article's links come back on every render, so it is remembered per address.
 */
function publishableHref(
  remembered: Map<string, boolean>,
  options: LinkAddressOptions,
): (href: unknown) => href is string {
  return (href): href is string => {
    if (!isAllowedHref(href)) return false;
    let publishable = remembered.get(href);
    if (publishable === undefined) {
      publishable = parseLinkAddress(href, options).ok;
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(href, publishable);
    }
    return publishable;
  };
}

export const isPublishableBodyHref = publishableHref(new Map(), BODY_LINK);
export const isPublishableRelatedHref = publishableHref(new Map(), RELATED_LINK);
