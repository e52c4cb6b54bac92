import { getDb } from '@newsroom/db';
import {
  createSection,
  listSectionsWithCounts,
  newSectionRequestSchema,
} from '@newsroom/editorial';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';

// Sections are the site's addresses and navigation: only admins list and add them here.
export const GET = withStaff(
  async () => json({ sections: await listSectionsWithCounts(getDb()) }),
  { role: 'admin' },
);

export const POST = withStaff(
  async ({ input }) => json({ section: await createSection(getDb(), input) }, 201),
  { role: 'admin', schema: newSectionRequestSchema },
);
