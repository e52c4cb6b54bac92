import { getDb } from '@newsroom/db';
import { scheduleArticle, scheduleSchema } from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../src/newsroom/api/with-staff';

/** "Publish at": `{ baseVersion, publishAt }` (ISO 8601 with an offset, in the future). */
export const POST = withStaff<{ id: string }, typeof scheduleSchema>(
  async ({ user, params, input }) =>
    saveResultResponse(await scheduleArticle(getDb(), user, params.id, input)),
  { role: 'editor', schema: scheduleSchema },
);
