import Link from '@tiptap/extension-link';
import { DOCUMENT_LIMITS } from '../validation/document-limits';
import { BODY_LINK, parseLinkAddress } from '../validation/link-address';
import { cutToLength, withoutControlCharacters } from '../validation/plain-text';

/**
 * A pasted link's title as the validator stores it: HTML from anywhere may carry control
 * characters (as `&#7;`) or a title of any length, which nobody could see or fix in the editor
 * and every save would refuse.
 */
export function pastedLinkTitle(title: string | null): string | null {
  if (title === null) return null;
  const readable = withoutControlCharacters(title).trim();
  return cutToLength(readable, DOCUMENT_LIMITS.maxLinkTitleLength).trimEnd() || null;
}

/**
 * Links only where the writer put them (no autolinking as you type) and only to addresses the
 * validator stores (an HTML paste from anywhere keeps the words of any other link, not the link).
 * target/rel/class default to null so documents don't store presentation; the renderer decides
 * `rel`.
 */
export const ArticleLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      title: {
        default: null,
        parseHTML: (element: HTMLElement) => pastedLinkTitle(element.getAttribute('title')),
      },
    };
  },
}).configure({
  autolink: false,
  linkOnPaste: true,
  openOnClick: false,
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: null, class: null },
  isAllowedUri: (url) => typeof url === 'string' && parseLinkAddress(url, BODY_LINK).ok,
  shouldAutoLink: () => false,
});
