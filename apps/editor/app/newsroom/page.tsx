import { redirect } from 'next/navigation';
import { staff } from '../../src/newsroom/staff/staff-shell';

export const dynamic = 'force-dynamic';

export default async function NewsroomHome() {
  await staff.requireStaff();
  redirect('/newsroom/articles');
}
