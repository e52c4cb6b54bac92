import { getDb } from '@newsroom/db';
import { deactivateUser } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../../src/newsroom/api/with-staff';

/** POST → the user, deactivated; all their sessions ended. 409 for the last active admin. */
export const POST = withStaff<{ id: string }>(
  async ({ user, params }) => json({ user: await deactivateUser(getDb(), user, params.id) }),
  { role: 'admin' },
);
