import { ARTICLE_BODY_LIMIT_BYTES } from '@newsroom/article';
import { getDb } from '@newsroom/db';
import { outageLog } from '@newsroom/http';
import { deletedCodeReserveDaysFromEnv, LINK_CHANGES_TOPIC } from '@newsroom/links';
import { processSharedState } from '@newsroom/shared-state';
import {
  deleteDraft,
  getVisibleArticle,
  saveArticle,
  versionedActionSchema,
} from '@newsroom/editorial';
import { saveResultResponse } from '../../../../../src/newsroom/api/save-response';
import { json, withStaff } from '../../../../../src/newsroom/api/with-staff';

type Params = { id: string };

export const GET = withStaff<Params>(async ({ user, params }) => {
  // Writers see only their own drafts: someone else's is "not found", not "forbidden".
  return json({ article: await getVisibleArticle(getDb(), user, params.id) });
});

/** Save: `{ baseVersion, title, slug, sectionId, standfirst, markerStyle, publishedAt, body, related }`. */
export const PUT = withStaff<Params>(
  async ({ user, params, body }) =>
    saveResultResponse(await saveArticle(getDb(), user, params.id, body)),
  { body: true, maxBodyBytes: ARTICLE_BODY_LIMIT_BYTES },
);

/**
 * Delete a draft that was never published: `{ baseVersion }`. 200 `{ deleted: { id } }`; 409
 * `conflict` (with `current`) when saved since, `scheduled` or `was_published` otherwise.
 */
export const DELETE = withStaff<Params, typeof versionedActionSchema>(
  async ({ user, params, input }) => {
    // The draft's short link code is kept from new links as long as the shortener keeps any.
    const result = await deleteDraft(getDb(), user, params.id, input, {
      deletedCodeReserveDays: deletedCodeReserveDaysFromEnv(),
    });
    if (result.status !== 'deleted') return saveResultResponse(result);
    if (result.shortLinkCode) await forgetShortLink(result.shortLinkCode);
    return json({ deleted: { id: result.id } });
  },
  { schema: versionedActionSchema },
);

const logAnnounceFailed = outageLog(
  'Deleting a draft: could not tell the shorteners its short link is gone (their cache expires it):',
);

/** Shortener instances forget the deleted short link now rather than when their cache expires. */
async function forgetShortLink(code: string) {
  try {
    await processSharedState().changes.publish(LINK_CHANGES_TOPIC, code);
  } catch (error) {
    logAnnounceFailed(error);
  }
}
