import { z } from 'zod';
import { jsonResponse } from '@newsroom/http';
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

const LIST_PARAMETERS = ['q', 'articleId', 'disabled', 'page', 'pageSize'];

const listQuery = z.strictObject(
  {
    q: z.string().max(200, 'q can have at most 200 characters').optional(),
    /** The link of one article (an article has at most one). */
    articleId: z
      .string()
      .trim()
      .min(1)
      .max(64, 'articleId can have at most 64 characters')
      .optional(),
    disabled: z
      .enum(['true', 'false'], { error: 'disabled must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
    page: wholeNumberParam('page', 1, 1_000_000, 1),
    pageSize: wholeNumberParam('pageSize', 1, 100, 20),
  },
  {
    // A misspelt filter must not quietly answer every link.
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter(s): ${issue.keys.join(', ')}; known: ${LIST_PARAMETERS.join(', ')}`
        : undefined,
  },
);

/** Creates a link: 201, or 200 with the existing link when the article already has one. */
export const POST = withApiKey(
  async ({ body, apiKey, runtime }) => {
    const { link, created } = await runtime.createLink(body, { apiKeyId: apiKey.id });
    const view = await runtime.viewOf(link);
    return jsonResponse(view, created ? 201 : 200, { Location: `/api/links/${link.code}` });
  },
  { schema: linkBodies.create, limiter: (runtime) => runtime.createLimiter },
);

/**
 * Lists links, newest first; `?q=` searches destinations and codes, `?articleId=` finds an
 * article's link, `?disabled=true|false` keeps one kind.
 */
export const GET = withApiKey(
  async ({ query, runtime }) => {
    const result = await listLinks(runtime.db, query);
    return jsonResponse({
      links: await runtime.viewsOf(result.links),
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
    });
  },
  { query: listQuery },
);
