import { getDb } from '@newsroom/db';
import { searchPublishedArticles } from '@newsroom/editorial';
import { z } from 'zod';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';

const searchSchema = z.object({
  q: z.string().max(200, 'Search for at most 200 characters').default(''),
  exclude: z.string().max(64).optional(),
});

/** Published articles by title, for the related-links panel. */
export const GET = withStaff(
  async ({ input }) =>
    json({
      results: await searchPublishedArticles(getDb(), input.q, { excludeId: input.exclude }),
    }),
  { schema: searchSchema },
);
