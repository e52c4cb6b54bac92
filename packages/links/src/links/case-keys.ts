import type { Db } from '@newsroom/db';
import { isUniqueViolation } from './link-errors';

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
  const unkeyed = await db.shortLink.findMany({
    where: { codeKey: null },
    select: { id: true, code: true, url: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const groups = new Map<string, typeof unkeyed>();
  for (const link of unkeyed) {
    const key = codeKeyOf(link.code);
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  const clashes: CaseClash[] = [];
  const claimed: string[] = [];
  for (const [key, links] of groups) {
    const [only] = links;
    if (links.length === 1 && only && (await claimKey(db, only.id, key))) {
      claimed.push(only.code);
      continue;
    }
    clashes.push({
      key,
      links: links.map(({ code, url, createdAt }) => ({ code, url, createdAt })),
    });
  }
  return { clashes, claimed };
}

async function claimKey(db: Db, id: string, key: string): Promise<boolean> {
  try {
    await db.shortLink.update({ where: { id }, data: { codeKey: key } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
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
    'then resolves in any case from the next start (or `npm run links:case-clashes`).',
  );
  for (const clash of report.clashes) {
    lines.push(`  ${clash.key}:`);
    for (const link of clash.links) {
      lines.push(`    /${link.code} → ${link.url} (created ${link.createdAt.toISOString()})`);
    }
  }
  return lines.join('\n');
}
