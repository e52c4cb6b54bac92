import { validateDocument, type MarkerStyle, type RelatedLinkInput } from '@newsroom/article';
import type { Db } from '@newsroom/db';
import { EditorialError } from '@newsroom/editorial';
import { findImage } from '@newsroom/media';
import { renderLeadImage, resolveRelatedLinks, toArticleImage } from '@newsroom/publishing';
import { renderArticle } from '@newsroom/renderer';

/**
 * The body + related list exactly as the reader page renders them (same renderer, and
 * publishing's one resolution of related links). Unsaved documents are validated first, like a save.
 */
export async function renderPreviewHtml(
  db: Db,
  input: {
    body: unknown;
    markerStyle: MarkerStyle;
    related: readonly RelatedLinkInput[];
    leadImageId?: string | null;
  },
): Promise<string> {
  const body = validateDocument(input.body, 'body');
  if (!body.ok)
    throw new EditorialError(
      422,
      body.errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      body.errors,
    );
  return renderArticle({
    doc: body.value,
    markerStyle: input.markerStyle,
    related: await resolveRelatedLinks(db, input.related),
    // As on the reader page: under a lead image every body image is below the fold.
    eagerImages: input.leadImageId ? 0 : 1,
  });
}

/** The lead image's figure for a preview, as the reader page writes it; null without one. */
export async function renderLeadImagePreview(db: Db, leadImageId: string | null | undefined) {
  if (!leadImageId) return null;
  const image = await findImage(db, leadImageId);
  return image ? renderLeadImage(toArticleImage(image)) : null;
}
