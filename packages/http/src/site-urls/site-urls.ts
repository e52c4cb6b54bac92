// The public base URL of each app, read from the environment in this one place: absolute links
// (canonical URLs, feeds, sitemaps, short URLs, the shortener's own-host check) all start here.
import { portFromEnv } from '../listen/listen-port';
import { SettingError } from '@newsroom/settings';

type Env = Record<string, string | undefined>;

/**
 * EDITOR_URL: where readers find the reader pages (and staff the newsroom), e.g.
 * https://news.example. Default: http://localhost:<EDITOR_PORT or 3000>. No trailing slash.
 */
export function readerSiteUrl(env: Env = process.env): string {
  return baseUrl(
    env,
    'EDITOR_URL',
    () => `http://localhost:${portFromEnv(env, 'EDITOR_PORT', 3000)}`,
  );
}

/**
 * SHORTENER_URL: the base of every short link, e.g. https://nws.rm. Default:
 * http://localhost:<SHORTENER_PORT or 3001>. No trailing slash.
 */
export function shortenerSiteUrl(env: Env = process.env): string {
  return baseUrl(
    env,
    'SHORTENER_URL',
    () => `http://localhost:${portFromEnv(env, 'SHORTENER_PORT', 3001)}`,
  );
}

/** The fallback is worked out only when the variable is unset: its port variable may be unused. */
function baseUrl(env: Env, variable: string, fallback: () => string): string {
  const value = (env[variable]?.trim() || fallback()).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingError(
      variable,
      `${variable} "${value}" is not a URL (example: https://news.example)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SettingError(variable, `${variable} "${value}" must start with http:// or https://`);
  if (url.search || url.hash || url.username || url.password)
    throw new SettingError(
      variable,
      `${variable} "${value}" must be a plain base URL (no query, fragment or login)`,
    );
  return value;
}
