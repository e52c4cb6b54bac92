import { validateDocument, type MarkerStyle, type RelatedLinkInput } from '@newsroom/article';
import type { Db } from '@newsroom/db';
import { EditorialError } from '@newsroom/editorial';
import { resolveRelatedLinks } from '@newsroom/publishing';
import { renderArticle } from '@newsroom/renderer';

/**
 * The body + related list exactly as the reader page renders them (same renderer, same
 * resolution of internal links). Unsaved documents are validated first, like a save.
 */
export async function renderPreviewHtml(
  db: Db,
  input: { body: unknown; markerStyle: MarkerStyle; related: readonly RelatedLinkInput[] },
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
  });
}
