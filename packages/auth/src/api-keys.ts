import type { ApiKey, Db } from '@newsroom/db';
import { DEFAULT_API_KEY_SCOPE, isApiKeyScope, type ApiKeyScope } from './api-key-scope';
import { randomToken, sha256 } from './tokens';

const KEY_PREFIX = 'nwsk';

/**
 * "Last used" is written at most this often per key: a busy script must not turn every API call
 * into a database write, and a minute is precise enough to tell whether a key is still in use.
 */
export const API_KEY_LAST_USED_PRECISION_MS = 60_000;

/**
 * Creates an API key, by default one that can do everything (`write`). The key itself is returned
 * once and never stored.
 */
export async function createApiKey(
  db: Db,
  name: string,
  { scope = DEFAULT_API_KEY_SCOPE }: { scope?: ApiKeyScope } = {},
) {
  // Checked here too: the scope may come from a command line, and a typo must not make a key.
  if (!isApiKeyScope(scope)) throw new Error(`Unknown API key scope "${String(scope)}"`);
  const key = `${KEY_PREFIX}_${randomToken(24)}`;
  const record = await db.apiKey.create({
    data: { name, prefix: key.slice(0, KEY_PREFIX.length + 7), keyHash: sha256(key), scope },
  });
  return { key, record };
}

/** The key record for a bearer token, or null when unknown or revoked. Notes when it was used. */
export async function verifyApiKey(
  db: Db,
  key: string | undefined,
  now = new Date(),
): Promise<ApiKey | null> {
  if (!key || !key.startsWith(`${KEY_PREFIX}_`)) return null;
  const record = await db.apiKey.findUnique({ where: { keyHash: sha256(key) } });
  if (!record || record.revokedAt) return null;
  await noteUse(db, record, now);
  return record;
}

async function noteUse(db: Db, record: ApiKey, now: Date) {
  const staleBefore = new Date(now.getTime() - API_KEY_LAST_USED_PRECISION_MS);
  if (record.lastUsedAt && record.lastUsedAt > staleBefore) return;
  // Conditional, so concurrent requests with one key write it once.
  await db.apiKey.updateMany({
    where: {
      id: record.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }],
    },
    data: { lastUsedAt: now },
  });
}

/** `Authorization: Bearer <key>` → key. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

export type ApiKeySummary = Pick<
  ApiKey,
  'id' | 'name' | 'prefix' | 'scope' | 'createdAt' | 'lastUsedAt' | 'revokedAt'
>;

const summaryFields = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Every API key, oldest first, revoked ones included (never the key or its hash). */
export function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({ orderBy: { createdAt: 'asc' }, select: summaryFields });
}

export type RevokeResult =
  | { outcome: 'revoked' | 'already_revoked'; key: ApiKeySummary }
  | { outcome: 'not_found' }
  | { outcome: 'ambiguous'; keys: ApiKeySummary[] };

/**
 * Revokes the key named by its id, its prefix (as `apikey:list` shows it) or the whole key.
 * Idempotent: a key revoked before keeps its first revocation time. A prefix shared by several
 * keys revokes none of them (the caller names one by id).
 */
export async function revokeApiKey(
  db: Db,
  prefixOrId: string,
  now = new Date(),
): Promise<RevokeResult> {
  const wanted = prefixOrId.trim();
  if (!wanted) return { outcome: 'not_found' };
  const matches = await db.apiKey.findMany({
    where: { OR: [{ id: wanted }, { prefix: wanted }, { keyHash: sha256(wanted) }] },
    select: summaryFields,
  });
  if (matches.length === 0) return { outcome: 'not_found' };
  if (matches.length > 1) return { outcome: 'ambiguous', keys: matches };
  const [key] = matches as [ApiKeySummary];
  if (key.revokedAt) return { outcome: 'already_revoked', key };
  // Only a key not revoked meanwhile: a concurrent revocation keeps its own time.
  await db.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
  const revoked = await db.apiKey.findUniqueOrThrow({
    where: { id: key.id },
    select: summaryFields,
  });
  return { outcome: 'revoked', key: revoked };
}
