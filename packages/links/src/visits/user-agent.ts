import UAParser from 'ua-parser-js';
import { detailKey, VISIT_VALUES, type DeviceType } from './dimensions';
import { headerMemo } from './header-memo';

/** Device type, browser and operating system of a user agent, as ready-made detail keys. */
export type UserAgentDetails = { device: string; browser: string; os: string };

/** Names longer than this are cut: they come from the header, and end up in rows and charts. */
const MAX_NAME_LENGTH = 40;

const UNKNOWN: UserAgentDetails = {
  device: detailKey('device', VISIT_VALUES.unknown),
  browser: detailKey('browser', VISIT_VALUES.unknown),
  os: detailKey('os', VISIT_VALUES.unknown),
};

/**
 * Parses user agents with ua-parser-js, remembering the last `max` distinct ones (of a real
 * length: headerMemo): browsers send few distinct strings, and a parse costs tens of microseconds against well under one for a hit.
 * Only the device class, browser name and system name are kept (no versions, no model).
 */
export function userAgentClassifier(max = 5_000) {
  const cache = headerMemo<UserAgentDetails>(max);
  return (userAgent: string | undefined): UserAgentDetails => {
    if (!userAgent) return UNKNOWN;
    let details = cache.get(userAgent);
    if (!details) {
      details = parseUserAgent(userAgent);
      cache.set(userAgent, details);
    }
    return details;
  };
}

export function parseUserAgent(userAgent: string): UserAgentDetails {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  return {
    device: detailKey('device', deviceType(device.type, os.name)),
    browser: detailKey('browser', name(browser.name)),
    os: detailKey('os', name(os.name)),
  };
}

/** ua-parser-js leaves the type empty for desktops (and for what it does not recognise). */
function deviceType(type: string | undefined, osName: string | undefined): DeviceType {
  switch (type) {
    case 'mobile':
    case 'wearable':
      return 'mobile';
    case 'tablet':
      return 'tablet';
    case undefined:
      return osName ? 'desktop' : 'unknown';
    default: // smarttv, console, embedded
      return 'other';
  }
}

function name(value: string | undefined): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, MAX_NAME_LENGTH) : VISIT_VALUES.unknown;
}
