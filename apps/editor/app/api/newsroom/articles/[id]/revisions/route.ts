import { getDb } from '@newsroom/db';
import { listRevisions } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../../src/newsroom/api/with-staff';

export const GET = withStaff<{ id: string }>(async ({ params }) =>
  json({ revisions: await listRevisions(getDb(), params.id) }),
);
