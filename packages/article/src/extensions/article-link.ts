import Link from '@tiptap/extension-link';
import { BODY_LINK, parseLinkAddress } from '../validation/link-address';

/**
 * Links only where the writer put them (no autolinking as you type) and only to addresses the
 * validator stores (an HTML paste from anywhere keeps the words of any other link, not the link).
 * target/rel/class default to null so documents don't store presentation; the renderer decides
 * `rel`.
 */
export const ArticleLink = Link.configure({
  autolink: false,
  linkOnPaste: true,
  openOnClick: false,
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: null, class: null },
  isAllowedUri: (url) => typeof url === 'string' && parseLinkAddress(url, BODY_LINK).ok,
  shouldAutoLink: () => false,
});
