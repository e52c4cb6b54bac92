import { getDb } from '@newsroom/db';
import { changeSection, sectionChangeSchema } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../src/newsroom/api/with-staff';

/** `{ name?, position? }` or `{ move: 'up' | 'down' }`; the slug stays (422 if sent). */
export const PATCH = withStaff<{ id: string }, typeof sectionChangeSchema>(
  async ({ params, input }) => json({ section: await changeSection(getDb(), params.id, input) }),
  { role: 'admin', schema: sectionChangeSchema },
);
