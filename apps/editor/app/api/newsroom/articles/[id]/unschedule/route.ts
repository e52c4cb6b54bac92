import { getDb } from '@newsroom/db';
import { unscheduleArticle, versionedActionSchema } from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../src/newsroom/api/with-staff';

export const POST = withStaff<{ id: string }, typeof versionedActionSchema>(
  async ({ user, params, input }) =>
    saveResultResponse(await unscheduleArticle(getDb(), user, params.id, input)),
  { role: 'editor', schema: versionedActionSchema },
);
