import { readerSiteUrl, shortenerSiteUrl } from '@newsroom/http';
import { DEFAULT_DELETED_CODE_RESERVE_DAYS } from './links/deleted-codes';
import { compileDestinationPolicy } from './validation/destination-policy';
import { SettingError, wholeNumberSetting } from '@newsroom/settings';

/**
 * Everything the shortener reads from its environment, parsed once. Numbers fall back to their
 * defaults when unset, and a nonsense value (negative, not a number) is refused at start-up with
 * a message naming the variable, instead of silently turning a cache or a limit off.
 */
/**
 * How often pending clicks are written by default. Each flush costs a statement row per link and
 * day (and per visit detail), however many clicks it holds: at a thousand busy links, flushing
 * every second took a tenth of the redirect thread's whole budget. Stats lag by this much, and
 * a `kill -9` loses at most this much (a clean stop writes everything).
 */
export const DEFAULT_CLICK_FLUSH_MS = 5_000;

export type ShortenerConfig = {
  /** Public base URL of short links, e.g. https://nws.rm (no trailing slash). */
  baseUrl: string;
  /** Hosts that are the shortener itself: links to them would loop. Lower case. */
  ownHosts: string[];
  /**
   * How long a resolved code is trusted before it is read again. Changes reach every instance
   * through the change feed within a second; this is the safety net for a lost message.
   */
  cacheTtlMs: number;
  /** Memory for known links, in bytes (SHORTENER_CACHE_MAX_MB); least recently used go first. */
  cacheMaxBytes: number;
  /** Links with the most clicks of the last days read into the cache at start (0: none). */
  cacheWarm: number;
  /** At most this many unknown codes remembered (kept apart so enumeration can't evict real links). */
  negativeCacheMax: number;
  /** Pending clicks are written at least this often… */
  clickFlushIntervalMs: number;
  /** …or as soon as this many are pending. */
  clickFlushEvery: number;
  /** Link creations per API key per minute. */
  createLimitPerMinute: number;
  /** Lookups of unknown codes per client per minute (stops code enumeration). */
  unknownLimitPerMinute: number;
  /** Public base URL of the reader site: an article's short link goes to its live URL there. */
  editorUrl: string;
  /**
   * Internal destinations allowed anyway (SHORTENER_ALLOWED_DESTINATIONS: addresses, CIDR ranges,
   * host names, ".suffix" names); everything internal is refused by default.
   */
  allowedDestinations: string[];
  /** Days the code of a deleted link is kept from new links (0: free at once). */
  deletedCodeReserveDays: number;
  /** Count clicks by referrer host, device type, browser, system and country (ClickDetail). */
  visitDetails: boolean;
  /** An mmdb file to use instead of the country database shipped in the npm package. */
  countryDbPath: string | undefined;
};

type Env = Record<string, string | undefined>;

export function readShortenerConfig(env: Env = process.env): ShortenerConfig {
  const baseUrl = shortenerSiteUrl(env);
  const base = new URL(baseUrl);
  if (env.SHORTENER_CACHE_MAX?.trim()) {
    // Renamed when the cache became sized by memory: a silently ignored setting would surprise.
    throw new Error(
      'SHORTENER_CACHE_MAX is no longer read: the link cache is sized by memory, set SHORTENER_CACHE_MAX_MB (default 64) instead',
    );
  }
  const extraHosts = commaList(env.SHORTENER_HOSTS).map((host) => host.toLowerCase());
  return {
    baseUrl,
    ownHosts: [...new Set([base.host.toLowerCase(), ...extraHosts])],
    cacheTtlMs: positiveInt(env, 'SHORTENER_CACHE_TTL_MS', 60_000),
    cacheMaxBytes: positiveInt(env, 'SHORTENER_CACHE_MAX_MB', 64) * 1024 * 1024,
    cacheWarm: wholeNumber(env, 'SHORTENER_CACHE_WARM', 100_000),
    negativeCacheMax: positiveInt(env, 'SHORTENER_NEGATIVE_CACHE_MAX', 20_000),
    clickFlushIntervalMs: positiveInt(env, 'SHORTENER_CLICK_FLUSH_MS', DEFAULT_CLICK_FLUSH_MS),
    clickFlushEvery: positiveInt(env, 'SHORTENER_CLICK_FLUSH_EVERY', 50_000),
    createLimitPerMinute: positiveInt(env, 'SHORTENER_CREATE_LIMIT_PER_MINUTE', 600),
    unknownLimitPerMinute: positiveInt(env, 'SHORTENER_UNKNOWN_LIMIT_PER_MINUTE', 120),
    editorUrl: readerSiteUrl(env),
    allowedDestinations: allowedDestinations(env, [base.host.toLowerCase(), ...extraHosts]),
    deletedCodeReserveDays: deletedCodeReserveDaysFromEnv(env),
    visitDetails: onOff(env, 'SHORTENER_VISIT_DETAILS', true),
    countryDbPath: env.SHORTENER_COUNTRY_DB?.trim() || undefined,
  };
}

/**
 * Days the code of a deleted link stays kept from new links (SHORTENER_DELETED_CODE_DAYS), for
 * everything that deletes links: the shortener, and the editor deleting a draft with its link.
 */
export function deletedCodeReserveDaysFromEnv(env: Env = process.env): number {
  return wholeNumber(env, 'SHORTENER_DELETED_CODE_DAYS', DEFAULT_DELETED_CODE_RESERVE_DAYS);
}

/**
 * The operator's allow-list, plus the newsroom's own reader site (EDITOR_URL, host and port
 * only): articles get short links, also when the reader site runs on localhost or an intranet.
 */
function allowedDestinations(env: Env, ownHosts: string[]): string[] {
  const entries = commaList(env.SHORTENER_ALLOWED_DESTINATIONS);
  entries.push(new URL(readerSiteUrl(env)).host);
  try {
    compileDestinationPolicy({ ownHosts, allowed: entries });
  } catch (error) {
    throw new SettingError(
      'SHORTENER_ALLOWED_DESTINATIONS',
      `SHORTENER_ALLOWED_DESTINATIONS: ${(error as Error).message}`,
    );
  }
  return entries;
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function positiveInt(env: Env, name: string, fallback: number): number {
  return wholeNumberSetting(env, name, 1) ?? fallback;
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  return wholeNumberSetting(env, name, 0) ?? fallback;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw === '1') return true;
  if (raw === '0') return false;
  throw new SettingError(name, `${name} must be 1 (on) or 0 (off), got "${raw}"`);
}
