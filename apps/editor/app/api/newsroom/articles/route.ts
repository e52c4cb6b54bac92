import { getDb } from '@newsroom/db';
import {
  articleListQuerySchema,
  createArticle,
  listArticles,
  newArticleSchema,
} from '@newsroom/editorial';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';

export const GET = withStaff(
  async ({ user, input }) => json(await listArticles(getDb(), user, input)),
  {
    schema: articleListQuerySchema,
  },
);

export const POST = withStaff(
  async ({ user, input }) => json({ article: await createArticle(getDb(), user, input) }, 201),
  { schema: newArticleSchema },
);
