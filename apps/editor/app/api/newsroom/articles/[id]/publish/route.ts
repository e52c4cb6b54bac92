import { getDb } from '@newsroom/db';
import { publishArticle, versionedActionSchema } from '@newsroom/editorial';
import { refuseImagesWithoutAltText } from '../../../../../../src/newsroom/api/publish-checks';
import { saveResultResponse } from '../../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../../src/newsroom/api/with-staff';

export const POST = withStaff<{ id: string }, typeof versionedActionSchema>(
  async ({ user, params, input }) => {
    await refuseImagesWithoutAltText(getDb(), params.id);
    return saveResultResponse(await publishArticle(getDb(), user, params.id, input));
  },
  { role: 'editor', schema: versionedActionSchema },
);
