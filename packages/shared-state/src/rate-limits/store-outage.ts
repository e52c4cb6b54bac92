import { isDatabaseUnavailable } from '@newsroom/http';
import { isRateLimitStoreError } from './rate-limiter';

/**
 * The rate-limit store itself (Redis) could not be asked, while the database is not known to be
 * away: each caller decides whether to answer without the limit or refuse for a moment. When
 * the store is the database, its failure is the database's, answered 503 like any other.
 */
export function isRateLimitStoreOutage(error: unknown): boolean {
  return isRateLimitStoreError(error) && !isDatabaseUnavailable(error);
}
