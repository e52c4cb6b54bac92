import { getDb } from '@newsroom/db';
import { listSectionsWithCounts } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { SectionsAdmin } from '../../../../src/newsroom/sections/SectionsAdmin';
import { staff } from '../../../../src/newsroom/staff/staff-shell';

export const metadata: Metadata = { title: 'Sections' };

export default async function SectionsPage() {
  await staff.requireStaff('admin');
  const sections = await listSectionsWithCounts(getDb());
  return (
    <section>
      <h1>Sections</h1>
      <SectionsAdmin initialSections={sections} />
    </section>
  );
}
