import { getDb } from '@newsroom/db';
import { listUsers } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { requireStaff } from '../../../../src/newsroom/auth/staff';
import { UsersAdmin } from '../../../../src/newsroom/users/UsersAdmin';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await requireStaff('admin');
  const users = await listUsers(getDb(), admin);
  return (
    <section>
      <h1>Users</h1>
      <UsersAdmin initialUsers={users} currentUserId={admin.id} />
    </section>
  );
}
