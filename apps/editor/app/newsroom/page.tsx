import { redirect } from 'next/navigation';
import { requireStaff } from '../../src/newsroom/auth/staff';

export const dynamic = 'force-dynamic';

export default async function NewsroomHome() {
  await requireStaff();
  redirect('/newsroom/articles');
}
