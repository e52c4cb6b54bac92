import { BODY_LINK, parseLinkAddress } from '@newsroom/article';

export type LinkInputResult = { ok: true; href: string } | { ok: false; message: string };

// "example.com/page" is how people paste addresses; anything else without a scheme is a typo.
const BARE_HOST = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * Turns what the writer typed into the link dialog into an href the article validator will
 * accept, or a message saying what is wrong. The final word is `parseLinkAddress`, the same
 * check (and the same messages) as the server's. The href is kept as typed, not as the parser
 * spells it, so the writer finds their own address when they open the link again.
 */
export function parseLinkInput(raw: string): LinkInputResult {
  const value = raw.trim();
  if (value === '') {
    return { ok: false, message: 'Enter a web address, for example https://example.com.' };
  }
  const href = BARE_HOST.test(value) ? `https://${value}` : value;
  const address = parseLinkAddress(href, BODY_LINK);
  return address.ok ? { ok: true, href } : { ok: false, message: address.problem };
}
