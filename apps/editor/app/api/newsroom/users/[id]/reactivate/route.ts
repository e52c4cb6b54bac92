import { getDb } from '@newsroom/db';
import { reactivateUser } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../../src/newsroom/api/with-staff';

/** POST → the user, able to log in again. */
export const POST = withStaff<{ id: string }>(
  async ({ user, params }) => json({ user: await reactivateUser(getDb(), user, params.id) }),
  { role: 'admin' },
);
