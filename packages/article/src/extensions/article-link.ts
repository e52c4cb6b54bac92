import Link from '@tiptap/extension-link';
import { isAllowedHref } from '../href';

/**
 * Links only where the writer put them (no autolinking as you type) and only to hrefs the
 * validator and renderer accept. target/rel/class default to null so documents don't store
 * presentation; the renderer decides `rel`.
 */
export const ArticleLink = Link.configure({
  autolink: false,
  linkOnPaste: true,
  openOnClick: false,
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: null, class: null },
  isAllowedUri: (url) => isAllowedHref(url),
  shouldAutoLink: () => false,
});
