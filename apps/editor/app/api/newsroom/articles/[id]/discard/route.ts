import { getDb } from '@newsroom/db';
import { discardChanges, versionedActionSchema } from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../src/newsroom/api/with-staff';

/** "Discard changes": the working copy goes back to the live version. */
export const POST = withStaff<{ id: string }, typeof versionedActionSchema>(
  async ({ user, params, input }) =>
    saveResultResponse(await discardChanges(getDb(), user, params.id, input)),
  { role: 'editor', schema: versionedActionSchema },
);
