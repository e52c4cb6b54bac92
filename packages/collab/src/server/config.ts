import { portFromEnv, readerSiteUrl } from '@newsroom/http';
import { SettingError } from '@newsroom/settings';

type Env = Record<string, string | undefined>;

export interface CollabConfig {
  port: number;
  host: string;
  /** Pages allowed to open a connection: the newsroom's origin (EDITOR_URL) and COLLAB_ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  redisUrl: string | undefined;
}

export const DEFAULT_COLLAB_PORT = 3002;

function originOf(url: string, name: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new SettingError(
      name,
      `${name} must be a URL such as http://localhost:3000 (got '${url}')`,
    );
  }
}

export function readCollabConfig(env: Env): CollabConfig {
  const extra = (env.COLLAB_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => originOf(origin, 'COLLAB_ALLOWED_ORIGINS'));
  return {
    port: portFromEnv(env, 'COLLAB_PORT', DEFAULT_COLLAB_PORT),
    host: env.HOST ?? '127.0.0.1',
    allowedOrigins: [new URL(readerSiteUrl(env)).origin, ...extra],
    redisUrl: env.REDIS_URL?.trim() || undefined,
  };
}
