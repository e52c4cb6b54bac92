import type { Db } from '@newsroom/db';

/**
 * Codes are unique regardless of case: each link stores its code in lower case in `codeKey`
 * (unique), and `/Spring`, `/spring` and `/SPRING` are one link. Codes are ASCII
 * ([A-Za-z0-9_-]), so JavaScript's toLowerCase and SQL's lower() agree.
 */
export function codeKeyOf(code: string): string {
  return code.toLowerCase();
}

/** Links whose codes differ only by case, from before the rule: one key, several links. */
export type CaseClash = {
  key: string;
  links: { code: string; url: string; createdAt: Date }[];
};

export type CaseKeyReport = {
  /** Keys still shared by two or more links (each reachable by its exact spelling only). */
  clashes: CaseClash[];
  /** Links whose clash is gone (the others were deleted) and that now have their key. */
  claimed: string[];
};

/**
 * Looks at the links the migration left without a key because their codes clashed by case.
 * A link whose clash is gone gets its key (it resolves case-insensitively again); the rest is
 * reported. Nothing is merged or deleted: which link keeps the name is the operator's decision.
 */
export async function reconcileCaseKeys(db: Db): Promise<CaseKeyReport> {
  const before = await unkeyedLinks(db);
  if (before.length === 0) return { clashes: [], claimed: [] };
  // The migration's own statement, once more: one UPDATE however many links it concerns.
  await db.$executeRawUnsafe(`
    UPDATE "ShortLink" SET "codeKey" = lower("code")
    WHERE "codeKey" IS NULL AND lower("code") IN (
      SELECT lower("code") FROM "ShortLink" GROUP BY lower("code") HAVING count(*) = 1
    )`);
  const after = await unkeyedLinks(db);
  const stillUnkeyed = new Set(after.map((link) => link.code));
  const groups = new Map<string, CaseClash['links']>();
  for (const link of after) {
    const key = codeKeyOf(link.code);
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  return {
    clashes: [...groups].map(([key, links]) => ({ key, links })),
    claimed: before.filter((link) => !stillUnkeyed.has(link.code)).map((link) => link.code),
  };
}

/** The keys of links without one (clashing by case), read only: what resolution must know. */
export async function caseClashKeysOf(db: Db): Promise<Set<string>> {
  return new Set((await unkeyedLinks(db)).map((link) => codeKeyOf(link.code)));
}

/** Links without a key, oldest first (their order in the report). */
function unkeyedLinks(db: Db) {
  return db.shortLink.findMany({
    where: { codeKey: null },
    select: { code: true, url: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** What an operator reads: which links clash, and what to do about it. */
export function caseClashMessage(report: CaseKeyReport): string {
  const lines: string[] = [];
  for (const code of report.claimed) {
    lines.push(`Short link "${code}" no longer clashes by case; it now resolves in any case.`);
  }
  if (report.clashes.length === 0) return lines.join('\n');
  lines.push(
    `${report.clashes.length} short-link code(s) are shared by links that differ only by case.`,
    'Each keeps working with its exact spelling; other spellings answer 404 until one remains.',
    'Delete the link(s) you do not want (DELETE /api/links/<code>, exact spelling); the one left',
    'then resolves in any case from the next start (or `npm run links:check`).',
  );
  for (const clash of report.clashes) {
    lines.push(`  ${clash.key}:`);
    for (const link of clash.links) {
      lines.push(`    /${link.code} → ${link.url} (created ${link.createdAt.toISOString()})`);
    }
  }
  return lines.join('\n');
}
