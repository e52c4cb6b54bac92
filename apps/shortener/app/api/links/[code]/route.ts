import { jsonResponse } from '@newsroom/http';
import { clickStats, findLinkOrThrow, linkChanges, type UpdateLinkInput } from '@newsroom/links';
import { linkBodies } from '../../../../src/api/link-bodies';
import { withApiKey } from '../../../../src/api/with-api-key';

type Params = { code: string };

/**
 * A link with its clicks (the total and one entry per day, written every few seconds) and its
 * change log (newest first).
 */
export const GET = withApiKey<Params>(async ({ params, runtime }) => {
  const link = await findLinkOrThrow(runtime.db, params.code);
  return jsonResponse({
    ...(await runtime.viewOf(link)),
    clicks: await clickStats(runtime.db, link.id),
    changes: await linkChanges(runtime.db, link.id),
  });
});

/**
 * Changes destination, disabled, expiry, redirect type, forwarding or UTM fields; redirects here
 * see it at once, and the change log records it under the API key's name.
 */
export const PATCH = withApiKey<Params, UpdateLinkInput>(
  async ({ params, body, apiKey, runtime }) => {
    const link = await runtime.updateLink(params.code, body, {
      type: 'api_key',
      id: apiKey.id,
      name: apiKey.name,
    });
    return jsonResponse(await runtime.viewOf(link));
  },
  { schema: linkBodies.update },
);

export const DELETE = withApiKey<Params>(async ({ params, runtime }) => {
  await runtime.deleteLink(params.code);
  return new Response(null, { status: 204 });
});
