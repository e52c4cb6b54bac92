import { findLink, getShortenerRuntime, visitCsv } from '@newsroom/links';
import { csvResponse } from '../../../../src/api/csv-response';
import { getStaffUser } from '../../../../src/staff/session';
import { staffStatsRange } from '../../../../src/staff/stats-range';

/** The visits of a link as CSV (`?from=&to=`, as on the link page). Staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!(await getStaffUser())) {
    return Response.json(
      { error: { code: 'unauthorized', message: 'Log in to download visit statistics.' } },
      { status: 401 },
    );
  }
  const { code } = await params;
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) {
    return Response.json(
      { error: { code: 'not_found', message: `There is no short link "${code}".` } },
      { status: 404 },
    );
  }
  const { range, error } = staffStatsRange(Object.fromEntries(new URL(request.url).searchParams));
  if (error) {
    return Response.json({ error: { code: 'validation_failed', message: error } }, { status: 400 });
  }
  return csvResponse(await visitCsv(runtime.db, link.id, range), link.code, range);
}
