import type { SaveResult } from '@newsroom/editorial';
import { errorResponse, json } from './responses';

/** 200 with the stored article, 409 with the other person's version, 422 with each problem. */
export function saveResultResponse(result: SaveResult): Response {
  switch (result.status) {
    case 'saved':
      return json({ article: result.article });
    case 'conflict':
      return json(
        {
          error: 'Someone else saved this article since you opened it',
          current: result.current,
        },
        409,
      );
    case 'invalid':
      return errorResponse(
        422,
        result.errors.map((error) => `${error.path}: ${error.message}`).join('; '),
        result.errors,
      );
  }
}
