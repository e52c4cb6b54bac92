/**
 * What a click is broken down by. One list, used by the classifier, the stats, the CSV, the API
 * and the staff page. Values are coarse on purpose: a host, a device class, a browser or system
 * name without version, a country code. Never an address or a user agent.
 */
export const VISIT_DIMENSIONS = ['referrer', 'device', 'browser', 'os', 'country'] as const;
export type VisitDimension = (typeof VISIT_DIMENSIONS)[number];

export const VISIT_DIMENSION_LABELS: Record<VisitDimension, string> = {
  referrer: 'Referrer',
  device: 'Device type',
  browser: 'Browser',
  os: 'Operating system',
  country: 'Country',
};

export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet', 'other', 'unknown'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Special values (in parentheses, so they cannot clash with a host, name or country code). */
export const VISIT_VALUES = {
  /** No Referer header: typed, bookmarked, an app, or a referrer policy that hides it. */
  direct: '(direct)',
  /** Not recognisable (no user agent, an unknown browser, an address in no country). */
  unknown: 'unknown',
  /** Past the per-link, per-day limit of distinct values (see VisitClassifier). */
  other: '(other)',
  /** Clicks of days counted before visit details existed, or while they were turned off. */
  notRecorded: '(not recorded)',
} as const;

/** The key a click buffer counts: dimension and value in one string (values never hold '\n'). */
export function detailKey(dimension: VisitDimension, value: string): string {
  return `${dimension}\n${value}`;
}

export function splitDetailKey(key: string): [dimension: string, value: string] {
  const cut = key.indexOf('\n');
  return [key.slice(0, cut), key.slice(cut + 1)];
}
