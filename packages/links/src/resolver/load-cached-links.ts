import { absoluteUrl, articlePath } from '@newsroom/article';
import { providerOfDb, type Db } from '@newsroom/db';
import { applyUtm } from '../forwarding/utm';
import { DEFAULT_DELETED_CODE_RESERVE_DAYS } from '../links/deleted-codes';
import { DAY_MS } from '../time/day';
import { hotQuery } from '../sql/hot-sql';
import type { CachedLink } from './link-resolver';

/**
 * What the redirect needs of a link row, in this order (one JSON array per link): the link's own
 * columns, then where its article (if any) lives now.
 */
const COLUMNS = [
  'code',
  'codeKey',
  'id',
  'url',
  'redirectType',
  'disabled',
  'expiresAt',
  'forwardQuery',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'articleId',
] as const;
type LinkRow = [
  code: string,
  codeKey: string | null,
  id: string,
  url: string,
  redirectType: number,
  disabled: boolean | number,
  expiresAt: string | number | null,
  forwardQuery: boolean | number,
  utmSource: string | null,
  utmMedium: string | null,
  utmCampaign: string | null,
  utmTerm: string | null,
  utmContent: string | null,
  articleId: string | null,
  liveSlug: string | null,
  liveSectionSlug: string | null,
];

/** Says whether a stored destination is the shortener itself (such links answer 410). */
export type IsLoop = (code: string, url: string) => boolean;

/**
 * The cache misses of one event-loop tick, read in one query. Keys are lower-case codes
 * (`codeKey`), or the exact spelling of a code that clashes by case (those links have no
 * codeKey).
 *
 * An article's canonical link follows the article: it goes to the article's live URL of the
 * moment (renamed slug, moved section) on `editorUrl`, and is "not live" while the article is
 * unpublished or scheduled, whatever URL it was made with.
 *
 * This runs for every code whose cache entry expired, so it is built for cost: the keys travel as
 * one JSON parameter and the rows come back as ONE JSON text (json_group_array / json_agg), parsed
 * once. Measured on SQLite for 20,000 codes: 38 µs per code in batches of 50 with one placeholder
 * per key and a row object per link from Prisma, 16 µs this way (8 µs in batches of 500); most
 * of what is left is the fixed cost of a Prisma query.
 */
export async function loadCachedLinks(
  db: Db,
  keys: string[],
  editorUrl: string,
  isLoop: IsLoop = () => false,
  deletedCodeReserveDays = DEFAULT_DELETED_CODE_RESERVE_DAYS,
): Promise<Map<string, CachedLink>> {
  const postgres = isPostgres(db);
  const keyList = postgres
    ? 'SELECT json_array_elements_text(CAST($1 AS JSON))'
    : 'SELECT "value" FROM json_each(?1)';
  const rows = await queryLinkRows(
    db,
    `WHERE l."codeKey" IN (${keyList}) OR (l."codeKey" IS NULL AND l."code" IN (${keyList}))`,
    undefined,
    [JSON.stringify(keys)],
  );
  const links = toCachedLinks(rows, editorUrl, isLoop);
  const missing = keys.filter((key) => !links.has(key));
  for (const key of await recentlyDeletedCodeKeys(db, missing, deletedCodeReserveDays)) {
    links.set(key, deletedCodeLink());
  }
  return links;
}

/**
 * Which of `keys` belonged to a link deleted within the reservation. Asked only for the codes no
 * link has (after a miss, rarely: the answer is cached like a link), by code key: the exact
 * spelling of a code that clashes by case is a key of its own, and no deleted code has it.
 */
async function recentlyDeletedCodeKeys(
  db: Db,
  keys: string[],
  reserveDays: number,
): Promise<string[]> {
  if (keys.length === 0 || reserveDays <= 0) return [];
  const rows = await db.deletedCode.findMany({
    where: {
      codeKey: { in: keys },
      deletedAt: { gt: new Date(Date.now() - reserveDays * DAY_MS) },
    },
    select: { codeKey: true },
  });
  return rows.map((row) => row.codeKey);
}

/** What the redirect knows of a recently deleted code: that it leads nowhere, on purpose. */
function deletedCodeLink(): CachedLink {
  return {
    id: '',
    url: '',
    redirectType: 410,
    disabled: true,
    expiresAt: null,
    forwardQuery: false,
    deleted: true,
  };
}

/** Days of clicks that decide which links are warmed at start. */
export const WARM_WINDOW_DAYS = 7;

/**
 * The `limit` links with the most clicks over the last WARM_WINDOW_DAYS days (`today` is the UTC
 * day, YYYY-MM-DD), least clicked first: put into an LRU in this order, the most clicked are the
 * last to go when the memory budget holds fewer.
 */
export async function loadMostClickedLinks(
  db: Db,
  {
    limit,
    today,
    editorUrl,
    isLoop = () => false,
  }: { limit: number; today: string; editorUrl: string; isLoop?: IsLoop },
): Promise<Map<string, CachedLink>> {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - (WARM_WINDOW_DAYS - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const postgres = isPostgres(db);
  const rows = await queryLinkRows(
    db,
    `JOIN (
        SELECT "linkId", SUM("count") AS "clicks" FROM "ClickDay" WHERE "day" >= ${postgres ? '$1' : '?1'}
        GROUP BY "linkId" ORDER BY "clicks" DESC, "linkId" LIMIT ${postgres ? '$2' : '?2'}
      ) AS "Top" ON "Top"."linkId" = l."id"`,
    {
      by: '"Top"."clicks"',
      inner: '"Top"."clicks" ASC, l."id" DESC',
      outer: '"L"."clicks" ASC, "L"."id" DESC',
    },
    [since, limit],
  );
  return toCachedLinks(rows, editorUrl, isLoop);
}

function isPostgres(db: Db): boolean {
  return providerOfDb(db) === 'postgresql';
}

/**
 * Link rows as one JSON text: an inner query (the link, its article's live slug and section; the
 * caller's joins and conditions) aggregated into one JSON array. SQLite aggregates in the order
 * of the rows it is fed (hence the ordered subquery); PostgreSQL takes the order inside json_agg.
 * Epoch milliseconds for the expiry on PostgreSQL (its JSON timestamps carry no time zone);
 * SQLite stores what Prisma wrote (an ISO text or epoch milliseconds), which Date reads either way.
 */
async function queryLinkRows(
  db: Db,
  joinsAndWhere: string,
  /** The value to order by, and the order inside (SQLite) or outside (PostgreSQL) the subquery. */
  order: { by: string; inner: string; outer: string } | undefined,
  parameters: unknown[],
): Promise<LinkRow[]> {
  const postgres = isPostgres(db);
  const own = COLUMNS.map((column) =>
    column === 'expiresAt' && postgres
      ? `CAST(EXTRACT(EPOCH FROM l."expiresAt") * 1000 AS BIGINT) AS "expiresAt"`
      : `l."${column}"`,
  );
  const inner = `SELECT ${own.join(', ')}, live."slug" AS "liveSlug", section."slug" AS "liveSectionSlug"
      ${order ? `, ${order.by} AS "clicks"` : ''}
    FROM "ShortLink" l
    LEFT JOIN "ArticleLive" live ON live."articleId" = l."articleId"
    LEFT JOIN "Section" section ON section."id" = live."sectionId"
    ${joinsAndWhere}`;
  const fields = [...COLUMNS, 'liveSlug', 'liveSectionSlug'].map((c) => `"L"."${c}"`).join(', ');
  const sql = postgres
    ? `SELECT CAST(COALESCE(json_agg(json_build_array(${fields})${order ? ` ORDER BY ${order.outer}` : ''}), '[]') AS TEXT) AS "rows"
       FROM (${inner}) AS "L"`
    : `SELECT json_group_array(json_array(${fields})) AS "rows"
       FROM (${inner} ${order ? `ORDER BY ${order.inner}` : ''}) AS "L"`;
  const [result] = await hotQuery<{ rows: string }>(db, sql, parameters);
  return result ? (JSON.parse(result.rows) as LinkRow[]) : [];
}

function toCachedLinks(
  rows: LinkRow[],
  editorUrl: string,
  isLoop: IsLoop,
): Map<string, CachedLink> {
  const links = new Map<string, CachedLink>();
  for (const row of rows) {
    const [code, codeKey, id, url, redirectType, disabled, expiresAt, forwardQuery] = row;
    const [, , , , , , , , utmSource, utmMedium, utmCampaign, utmTerm, utmContent] = row;
    const [articleId, liveSlug, liveSectionSlug] = row.slice(13) as [
      string | null,
      string | null,
      string | null,
    ];
    const utm = { utmSource, utmMedium, utmCampaign, utmTerm, utmContent };
    const link: CachedLink = {
      id,
      // The UTM fields are applied once here, not per redirect.
      url: applyUtm(url, utm),
      redirectType: Number(redirectType),
      disabled: Boolean(disabled) || isLoop(code, url),
      expiresAt: expiresAt === null ? null : new Date(expiresAt).getTime(),
      forwardQuery: Boolean(forwardQuery),
    };
    if (articleId !== null) {
      if (liveSlug === null || liveSectionSlug === null) link.articleNotLive = true;
      else {
        const livePath = articlePath({ slug: liveSlug, section: { slug: liveSectionSlug } });
        link.url = applyUtm(absoluteUrl(editorUrl, livePath), utm);
      }
    }
    links.set(codeKey ?? code, link);
  }
  return links;
}
