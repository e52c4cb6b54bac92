import { getDb } from '@newsroom/db';
import { assertArticleVisible, getRevision } from '@newsroom/editorial';
import { json, withStaff } from '../../../../../../../src/newsroom/api/with-staff';
import { renderPreviewHtml } from '../../../../../../../src/newsroom/preview/render-preview';

/** One revision, with its body rendered as readers would have seen it. */
export const GET = withStaff<{ id: string; revisionId: string }>(async ({ user, params }) => {
  const db = getDb();
  await assertArticleVisible(db, user, params.id);
  const revision = await getRevision(db, params.id, params.revisionId);
  const html = await renderPreviewHtml(db, revision);
  return json({ revision, html });
});
