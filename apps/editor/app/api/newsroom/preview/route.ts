import { MARKER_STYLES, relatedLinkSchema } from '@newsroom/article';
import { getDb } from '@newsroom/db';
import { z } from 'zod';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';
import { renderPreviewHtml } from '../../../../src/newsroom/preview/render-preview';

const previewSchema = z.object({
  body: z.unknown(),
  markerStyle: z.enum(MARKER_STYLES),
  related: z.array(relatedLinkSchema).max(50).default([]),
});

/** Renders an unsaved article with the reader renderer (POST: the document can be large). */
export const POST = withStaff(
  async ({ input }) => json({ html: await renderPreviewHtml(getDb(), input) }),
  { schema: previewSchema },
);
