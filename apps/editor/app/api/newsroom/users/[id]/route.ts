import { getDb } from '@newsroom/db';
import { changeUserRole, roleChangeSchema } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../src/newsroom/api/with-staff';

export const PATCH = withStaff<{ id: string }, typeof roleChangeSchema>(
  async ({ user, params, input }) =>
    json({ user: await changeUserRole(getDb(), user, params.id, input.role) }),
  { role: 'admin', schema: roleChangeSchema },
);
