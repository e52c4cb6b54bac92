import { altTextNeededMessage, imagesNeedingAltText } from '@newsroom/article';
import type { Db } from '@newsroom/db';
import { findEditableArticle } from '@newsroom/editorial';
import { ApiError } from '@newsroom/http';

/**
 * Every stored image has alt text, but an imported picture that came without one holds the
 * placeholder (ALT_TEXT_NEEDED) so the draft stays savable: it is not published until someone
 * describes it. (An unknown id is left to publishing itself to answer 404.)
 */
export async function refuseImagesWithoutAltText(db: Db, articleId: string): Promise<void> {
  const article = await findEditableArticle(db, articleId);
  const positions = article ? imagesNeedingAltText(article.body) : [];
  if (positions.length > 0)
    throw new ApiError(422, 'validation_failed', altTextNeededMessage(positions), {
      body: altTextNeededMessage(positions),
    });
}
