import { z } from 'zod';
import { getShortenerRuntime } from '@newsroom/links';

/**
 * Request bodies of the link API. Lazy, because the schemas depend on the configured hosts of the
 * shortener (no links to itself), which the runtime reads from the environment on first use.
 */
export const linkBodies = {
  create: z.lazy(() => getShortenerRuntime().schemas.create),
  update: z.lazy(() => getShortenerRuntime().schemas.update),
};
