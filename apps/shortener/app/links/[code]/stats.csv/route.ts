import { errorResponse, toErrorResponse } from '@newsroom/http';
import { findLink, getShortenerRuntime, visitCsv } from '@newsroom/links';
import { csvResponse } from '../../../../src/api/csv-response';
import { staff } from '../../../../src/staff/staff-shell';
import { staffStatsRange } from '../../../../src/staff/stats-range';

/** The visits of a link as CSV (`?from=&to=`, as on the link page). Staff only. */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  try {
    return await statsCsv(request, context);
  } catch (error) {
    // The one error shape; 503 with Retry-After while the database is unreachable.
    return toErrorResponse(error);
  }
}

async function statsCsv(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!(await staff.currentStaff())) {
    return errorResponse(401, 'unauthorized', 'Log in to download visit statistics.');
  }
  const { code } = await params;
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) {
    return errorResponse(404, 'not_found', `There is no short link "${code}".`);
  }
  const { range, error } = staffStatsRange(Object.fromEntries(new URL(request.url).searchParams));
  if (error) {
    return errorResponse(400, 'validation_failed', error);
  }
  return csvResponse(await visitCsv(runtime.db, link.id, range), link.code, range);
}
