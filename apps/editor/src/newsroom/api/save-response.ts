import type { SaveResult } from '@newsroom/editorial';
import { errorResponse, jsonResponse } from '@newsroom/http';
import { fieldsOf } from './with-staff';

/**
 * 200 with the stored article; 409 with the other person's version (`current`); 409 slug_taken
 * for a slug another article has or had; 422 with each problem.
 */
export function saveResultResponse(result: SaveResult): Response {
  switch (result.status) {
    case 'saved':
      return jsonResponse({ article: result.article });
    case 'conflict':
      return errorResponse(409, 'conflict', 'Someone else saved this article since you opened it', {
        extra: { current: result.current },
      });
    case 'invalid':
      return errorResponse(
        result.code === 'slug_taken' ? 409 : 422,
        result.code ?? 'validation_failed',
        result.errors.map((error) => `${error.path}: ${error.message}`).join('; '),
        { fields: fieldsOf(result.errors) },
      );
  }
}
