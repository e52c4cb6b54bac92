import {
  findLinkOrThrow,
  statsQuerySchema,
  visitCsv,
  visitStats,
  type StatsQuery,
} from '@newsroom/links';
import { jsonResponse } from '@newsroom/http';
import { csvResponse } from '../../../../../src/api/csv-response';
import { withApiKey } from '../../../../../src/api/with-api-key';

type Params = { code: string };

/**
 * Clicks of a link over a range of UTC days (`?from=&to=`, default the last 30), per day and per
 * referrer host, device type, browser, system and country; `&format=csv` for the per-day rows.
 */
export const GET = withApiKey<Params, undefined, StatsQuery>(
  async ({ params, query, runtime }) => {
    const link = await findLinkOrThrow(runtime.db, params.code);
    if (query.format === 'csv') {
      return csvResponse(await visitCsv(runtime.db, link.id, query.range), link.code, query.range);
    }
    return jsonResponse({
      code: link.code,
      ...(await visitStats(runtime.db, link.id, query.range)),
    });
  },
  { query: statsQuerySchema() },
);
