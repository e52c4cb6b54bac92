import type { ApiKey, Db } from '@newsroom/db';
import { randomToken, sha256 } from './tokens';

const KEY_PREFIX = 'nwsk';

/** Creates an API key. The key itself is returned once and never stored. */
export async function createApiKey(db: Db, name: string) {
  const key = `${KEY_PREFIX}_${randomToken(24)}`;
  const record = await db.apiKey.create({
    data: { name, prefix: key.slice(0, KEY_PREFIX.length + 7), keyHash: sha256(key) },
  });
  return { key, record };
}

/** The key record for a bearer token, or null when unknown or revoked. */
export async function verifyApiKey(db: Db, key: string | undefined): Promise<ApiKey | null> {
  if (!key || !key.startsWith(`${KEY_PREFIX}_`)) return null;
  const record = await db.apiKey.findUnique({ where: { keyHash: sha256(key) } });
  if (!record || record.revokedAt) return null;
  return record;
}

/** `Authorization: Bearer <key>` → key. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
