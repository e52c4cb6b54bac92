// State that several instances of the apps share: rate limits and change notifications.
// The database carries it by default; Redis when REDIS_URL is set.
export { redisUrl } from './redis-url';
