import { isAllowedHref } from '@newsroom/article';

export type LinkInputResult = { ok: true; href: string } | { ok: false; message: string };

// "example.com/page" is how people paste addresses; anything else without a scheme is a typo.
const BARE_HOST = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * Turns what the writer typed into the link dialog into an href the article validator will
 * accept, or a message saying what is wrong. The final word is `isAllowedHref`, the same check
 * the server and the renderer use.
 */
export function parseLinkInput(raw: string): LinkInputResult {
  const value = raw.trim();
  if (value === '') {
    return { ok: false, message: 'Enter a web address, for example https://example.com.' };
  }
  if (/\s/.test(value)) {
    return { ok: false, message: 'A web address cannot contain spaces.' };
  }
  const href = BARE_HOST.test(value) ? `https://${value}` : value;
  if (!isAllowedHref(href)) {
    return {
      ok: false,
      message:
        'Only http:// and https:// addresses, mailto: e-mail links and site paths starting with / are allowed.',
    };
  }
  return { ok: true, href };
}
