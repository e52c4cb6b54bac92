import type { Metadata } from 'next';
import { StaffHeader } from '../../../src/staff/StaffHeader';
import { LINK_FIELD_LIMITS } from '../../../src/staff/link-limits';
import { staff } from '../../../src/staff/staff-shell';
import { CreateLinkForm } from './CreateLinkForm';

export const metadata: Metadata = { title: 'New link' };
export const dynamic = 'force-dynamic';

export default async function NewLinkPage() {
  const user = await staff.requireStaff(undefined, '/links/new');
  return (
    <>
      <StaffHeader user={user} />
      <h1>New short link</h1>
      <CreateLinkForm limits={LINK_FIELD_LIMITS} />
    </>
  );
}
