import { getDb } from '@newsroom/db';
import { listUsers } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { staff } from '../../../../src/newsroom/staff/staff-shell';
import { UsersAdmin } from '../../../../src/newsroom/users/UsersAdmin';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await staff.requireStaff('admin');
  const users = await listUsers(getDb(), admin);
  return (
    <section>
      <h1>Users</h1>
      <UsersAdmin initialUsers={users} currentUserId={admin.id} />
    </section>
  );
}
