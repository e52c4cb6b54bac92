// State that several instances of the apps share: rate limits and change notifications.
// The database carries it by default; Redis when REDIS_URL is set.
export { openSharedState } from './shared-state';
export { processSharedState } from './process-shared-state';
export type { SharedState, SharedStateOptions } from './shared-state';
export type { RateLimiter, RateLimitDecision, RateLimitOptions } from './rate-limits/rate-limiter';
export { isRateLimitStoreError, RateLimitStoreError } from './rate-limits/rate-limiter';
export { isRateLimitStoreOutage } from './rate-limits/store-outage';
export type { ChangeBus } from './changes/change-bus';
export { MAX_CHANGE_MESSAGE_BYTES } from './changes/change-bus';
export { redisUrl } from './redis-url';
