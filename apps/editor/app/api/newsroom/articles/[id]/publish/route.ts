import { getDb } from '@newsroom/db';
import { publishArticle, versionedActionSchema } from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../src/newsroom/api/with-staff';

export const POST = withStaff<{ id: string }, typeof versionedActionSchema>(
  async ({ user, params, input }) =>
    saveResultResponse(await publishArticle(getDb(), user, params.id, input)),
  { role: 'editor', schema: versionedActionSchema },
);
