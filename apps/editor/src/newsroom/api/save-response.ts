import type { SaveResult } from '@newsroom/editorial';
import { errorResponse, json } from './responses';

/**
 * 200 with the stored article; 409 with the other person's version (`current`); 409 slug_taken
 * for a slug another article has or had; 422 with each problem.
 */
export function saveResultResponse(result: SaveResult): Response {
  switch (result.status) {
    case 'saved':
      return json({ article: result.article });
    case 'conflict':
      return json(
        {
          error: {
            code: 'conflict',
            message: 'Someone else saved this article since you opened it',
          },
          current: result.current,
        },
        409,
      );
    case 'invalid': {
      const message = result.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
      return result.code === 'slug_taken'
        ? errorResponse(409, message, result.errors, result.code)
        : errorResponse(422, message, result.errors, result.code);
    }
  }
}
