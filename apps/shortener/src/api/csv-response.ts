import type { StatsRange } from '@newsroom/links';

/** A CSV download of a link's visits; the name says which link and which days. */
export function csvResponse(csv: string, code: string, { from, to }: StatsRange): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // The code is one of ours ([A-Za-z0-9_-]), the days are validated: nothing to escape.
      'Content-Disposition': `attachment; filename="visits-${code}-${from}-to-${to}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
