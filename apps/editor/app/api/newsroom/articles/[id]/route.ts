import { getDb } from '@newsroom/db';
import { findEditableArticle, saveArticle } from '@newsroom/editorial';
import { errorResponse, json } from '../../../../../src/newsroom/api/responses';
import { saveResultResponse } from '../../../../../src/newsroom/api/save-response';
import { withStaff } from '../../../../../src/newsroom/api/with-staff';

type Params = { id: string };

export const GET = withStaff<Params>(async ({ params }) => {
  const article = await findEditableArticle(getDb(), params.id);
  return article ? json({ article }) : errorResponse(404, 'The article was not found');
});

/** Save: `{ baseVersion, title, slug, sectionId, standfirst, markerStyle, publishedAt, body, related }`. */
export const PUT = withStaff<Params>(async ({ request, user, params }) => {
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return errorResponse(400, 'The request body must be JSON');
  }
  return saveResultResponse(await saveArticle(getDb(), user, params.id, input));
});
