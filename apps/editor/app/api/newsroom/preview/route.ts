import { IMAGE_ID_PATTERN, MARKER_STYLES, relatedLinkSchema } from '@newsroom/article';
import { getDb } from '@newsroom/db';
import { z } from 'zod';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';
import {
  renderLeadImagePreview,
  renderPreviewHtml,
} from '../../../../src/newsroom/preview/render-preview';

const previewSchema = z.object({
  body: z.unknown(),
  markerStyle: z.enum(MARKER_STYLES),
  related: z.array(relatedLinkSchema).max(50).default([]),
  leadImageId: z.string().regex(IMAGE_ID_PATTERN).nullable().optional(),
});

/** Renders an unsaved article with the reader renderer (POST: the document can be large). */
export const POST = withStaff(
  async ({ input }) =>
    json({
      html: await renderPreviewHtml(getDb(), input),
      leadImageHtml: await renderLeadImagePreview(getDb(), input.leadImageId),
    }),
  { schema: previewSchema },
);
