import { joinUrl, partName, queryParts, splitUrl } from './query-string';

/** The link fields and the query parameters they become, in the order they are added. */
export const UTM_PARAMETERS = {
  utmSource: 'utm_source',
  utmMedium: 'utm_medium',
  utmCampaign: 'utm_campaign',
  utmTerm: 'utm_term',
  utmContent: 'utm_content',
} as const;

export type UtmField = keyof typeof UTM_PARAMETERS;
export const UTM_FIELDS = Object.keys(UTM_PARAMETERS) as UtmField[];
export type UtmValues = { [field in UtmField]?: string | null };

/** Longest UTM value accepted (campaign names, not documents). */
export const UTM_VALUE_MAX = 200;

/**
 * The destination with the link's UTM fields set: a parameter of the same name already in the
 * URL is replaced (the field was set on purpose), the others keep their exact spelling.
 * Throws URIError for a value that cannot be percent-encoded (a lone surrogate); the schemas
 * refuse such values before they are stored.
 */
export function applyUtm(url: string, utm: UtmValues): string {
  const set = UTM_FIELDS.filter((field) => utm[field]);
  if (set.length === 0) return url;
  const replaced = new Set<string>(set.map((field) => UTM_PARAMETERS[field]));
  const parts = splitUrl(url);
  const kept = queryParts(parts.query).filter((part) => !replaced.has(partName(part)));
  const added = set.map(
    (field) => `${UTM_PARAMETERS[field]}=${encodeURIComponent(utm[field] as string)}`,
  );
  return joinUrl({ ...parts, query: [...kept, ...added].join('&') });
}
