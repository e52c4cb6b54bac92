import { getDb } from '@newsroom/db';
import { assertArticleVisible, listRevisions } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../../src/newsroom/api/with-staff';

export const GET = withStaff<{ id: string }>(async ({ user, params }) => {
  await assertArticleVisible(getDb(), user, params.id);
  return json({ revisions: await listRevisions(getDb(), params.id) });
});
