import { getDb } from '@newsroom/db';
import { createStaffUser, listUsers, newUserSchema } from '@newsroom/editorial';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';

export const GET = withStaff(async ({ user }) => json({ users: await listUsers(getDb(), user) }), {
  role: 'admin',
});

export const POST = withStaff(
  async ({ user, input }) => json({ user: await createStaffUser(getDb(), user, input) }, 201),
  { role: 'admin', schema: newUserSchema },
);
