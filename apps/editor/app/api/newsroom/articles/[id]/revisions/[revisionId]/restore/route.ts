import { getDb } from '@newsroom/db';
import { restoreRevision, versionedActionSchema } from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../../../src/newsroom/api/with-staff';

export const POST = withStaff<{ id: string; revisionId: string }, typeof versionedActionSchema>(
  async ({ user, params, input }) =>
    saveResultResponse(await restoreRevision(getDb(), user, params.id, params.revisionId, input)),
  { schema: versionedActionSchema },
);
