// What the key commands print: plain text for people at a terminal.
import type { ApiKeySummary, RevokeResult } from '../index';

/** What each scope means, in the words of the key commands. */
const SCOPE_MEANING = {
  read: 'read-only: it can list and read links and their stats, never change them',
  write: 'it can create, edit, disable and delete links',
} as const;

/** `2026-11-29 21:55 UTC`, or the placeholder. */
function when(date: Date | null, never = '-'): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : never;
}

/** The lines for a new key: its name, what it may do, and the key itself (shown this once). */
export function createdKeyReport(record: Pick<ApiKeySummary, 'name' | 'scope'>, key: string) {
  const meaning = SCOPE_MEANING[record.scope as keyof typeof SCOPE_MEANING] ?? record.scope;
  return `API key "${record.name}", scope ${record.scope} (${meaning}); shown once, store it now:\n${key}`;
}

/** One row per key: prefix, name, scope, created, last used, revoked, id; columns padded to align. */
export function apiKeyTable(keys: ApiKeySummary[]): string {
  if (keys.length === 0) return 'No API keys yet (create one with npm run apikey:create).';
  const rows = [
    ['PREFIX', 'NAME', 'SCOPE', 'CREATED', 'LAST USED', 'REVOKED', 'ID'],
    ...keys.map((key) => [
      key.prefix,
      key.name,
      key.scope,
      when(key.createdAt),
      when(key.lastUsedAt, 'never'),
      when(key.revokedAt),
      key.id,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The sentence for a revocation; ok is false when nothing was (or already had been) revoked. */
export function revocationReport(
  wanted: string,
  result: RevokeResult,
): { ok: boolean; text: string } {
  switch (result.outcome) {
    case 'revoked':
      return {
        ok: true,
        text: `Revoked API key "${result.key.name}" (${result.key.prefix}, ${result.key.id}): it is refused from now on.`,
      };
    case 'already_revoked':
      return {
        ok: true,
        text: `API key "${result.key.name}" (${result.key.prefix}) was already revoked on ${when(result.key.revokedAt)}; nothing changed.`,
      };
    case 'not_found':
      return {
        ok: false,
        text: `No API key has the prefix or id "${wanted}"; nothing was revoked (see npm run apikey:list).`,
      };
    case 'ambiguous':
      return {
        ok: false,
        text: [
          `${result.keys.length} API keys have the prefix "${wanted}"; nothing was revoked. Name one by its id:`,
          ...result.keys.map((key) => `  ${key.id}  ${key.name}`),
        ].join('\n'),
      };
  }
}
