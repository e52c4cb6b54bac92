import { utcDay } from '../clicks/click-buffer';
import { countryLookup, type CountryLookup } from './country';
import { detailKey, VISIT_VALUES, type VisitDimension } from './dimensions';
import { referrerClassifier } from './referrer';
import { userAgentClassifier } from './user-agent';

export type VisitClassifierOptions = {
  /** The country database; opened on the first click, so processes that only read stats never load it. */
  countries?: () => CountryLookup;
  /** Distinct referrers, browsers and systems kept per link and day; further ones count as "(other)". */
  maxValuesPerDay?: number;
  /** Links whose distinct values of the day are remembered for that limit. */
  maxTrackedLinks?: number;
};

/** Distinct values seen per dimension whose values come from the request (open-ended). */
type OpenDimension = Extract<VisitDimension, 'referrer' | 'browser' | 'os'>;
type SeenValues = Record<OpenDimension, Set<string>> & { day: string };

/**
 * Turns a click's request into its five detail keys (referrer host, device type, browser, system,
 * country), each memoized, so a click costs a few map look-ups. The address and the user agent
 * are used here and dropped; only the keys reach the click buffer.
 *
 * Anyone can send any Referer (or user agent) and so could make a row per click; the limit of
 * distinct values per link and day (per instance) keeps ClickDetail from growing with an attack.
 */
export function createVisitClassifier(options: VisitClassifierOptions = {}) {
  const userAgent = userAgentClassifier();
  const referrer = referrerClassifier();
  const openCountries = options.countries ?? (() => countryLookup());
  let country: CountryLookup | undefined;
  const maxValues = options.maxValuesPerDay ?? 100;
  // Keyed by the link id alone: the resolver hands out the same id string on every click, whose
  // hash V8 keeps, where a "link + day" key would be a new string to hash on every click. A plain
  // Map emptied when full: cheaper per click than an LRU, and an attacker would have to click
  // more than `maxTrackedLinks` links to reset the limits once.
  const seen = new Map<string, SeenValues>();
  const maxTrackedLinks = options.maxTrackedLinks ?? 20_000;
  const other = {
    referrer: detailKey('referrer', VISIT_VALUES.other),
    browser: detailKey('browser', VISIT_VALUES.other),
    os: detailKey('os', VISIT_VALUES.other),
  };

  function admit(values: Set<string>, key: string, dimension: OpenDimension): string {
    if (values.has(key)) return key;
    if (values.size >= maxValues) return other[dimension];
    values.add(key);
    return key;
  }

  return {
    /** Opens the country database now (server start), so a broken one fails there, not per click. */
    open(): CountryLookup {
      country ??= openCountries();
      return country;
    },
    classify(
      linkId: string,
      time: number,
      request: {
        userAgent: string | undefined;
        referer: string | undefined;
        address: string | undefined;
      },
    ): string[] {
      const agent = userAgent(request.userAgent);
      country ??= openCountries();
      const day = utcDay(time);
      let values = seen.get(linkId);
      if (values?.day !== day) {
        if (!values && seen.size >= maxTrackedLinks) seen.clear();
        values = { day, referrer: new Set(), browser: new Set(), os: new Set() };
        seen.set(linkId, values);
      }
      return [
        admit(values.referrer, referrer(request.referer), 'referrer'),
        agent.device,
        admit(values.browser, agent.browser, 'browser'),
        admit(values.os, agent.os, 'os'),
        country(request.address),
      ];
    },
  };
}

export type VisitClassifier = ReturnType<typeof createVisitClassifier>;
