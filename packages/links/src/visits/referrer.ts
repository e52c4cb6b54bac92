import { detailKey, VISIT_VALUES } from './dimensions';
import { headerMemo } from './header-memo';

/** Schemes whose host says where a visitor came from (android-app://<package> for Android apps). */
const HOST_SCHEMES = new Set(['http:', 'https:', 'android-app:']);
const MAX_HOST_LENGTH = 253;

/**
 * The referrer's host only (`www.` dropped): never its path or query, which can name a person
 * (a webmail message, a search, a profile). Memoized (headerMemo): many clicks share a referring
 * page.
 */
export function referrerClassifier(max = 5_000) {
  const cache = headerMemo<string>(max);
  const direct = detailKey('referrer', VISIT_VALUES.direct);
  return (referer: string | undefined): string => {
    if (!referer) return direct;
    let key = cache.get(referer);
    if (key === undefined) {
      key = detailKey('referrer', referrerHost(referer));
      cache.set(referer, key);
    }
    return key;
  };
}

export function referrerHost(referer: string): string {
  let url: URL;
  try {
    url = new URL(referer.trim());
  } catch {
    return VISIT_VALUES.unknown;
  }
  if (!HOST_SCHEMES.has(url.protocol)) return VISIT_VALUES.unknown;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  // The URL parser has normalized the host (punycode, no spaces); check what is left anyway.
  if (!host || host.length > MAX_HOST_LENGTH || !/^[a-z0-9.\-_[\]:]+$/.test(host)) {
    return VISIT_VALUES.unknown;
  }
  return host;
}
