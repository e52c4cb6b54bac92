import { z } from 'zod';
import { listLinks } from '@newsroom/links';
import { linkBodies } from '../../../src/api/link-bodies';
import { withApiKey } from '../../../src/api/with-api-key';

/** A whole number written in digits (no "0x10", "1e2" or "1.5") from `min` to `max`. */
const wholeNumberParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be a whole number from ${min} to ${max}`)
        .max(max, `${name} must be a whole number from ${min} to ${max}`),
    )
    .default(fallback);

const listQuery = z.object({
  q: z.string().max(200, 'q can have at most 200 characters').optional(),
  page: wholeNumberParam('page', 1, 1_000_000, 1),
  pageSize: wholeNumberParam('pageSize', 1, 100, 20),
});

/** Creates a link: 201, or 200 with the existing link when the article already has one. */
export const POST = withApiKey(
  async ({ body, apiKey, runtime }) => {
    const { link, created } = await runtime.createLink(body, { apiKeyId: apiKey.id });
    const view = await runtime.viewOf(link);
    return Response.json(view, {
      status: created ? 201 : 200,
      headers: { Location: `/api/links/${link.code}` },
    });
  },
  { schema: linkBodies.create, limiter: (runtime) => runtime.createLimiter },
);

/** Lists links, newest first; `?q=` searches destinations and codes. */
export const GET = withApiKey(
  async ({ query, runtime }) => {
    const result = await listLinks(runtime.db, query);
    return Response.json({
      links: await runtime.viewsOf(result.links),
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
    });
  },
  { query: listQuery },
);
