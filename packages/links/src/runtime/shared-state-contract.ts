// TEMPORARY seam until @newsroom/shared-state lands on main: the part of its contract the
// shortener uses. Replaced by imports from '@newsroom/shared-state' at the merge.
export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };
export type RateLimiter = {
  consume(key: string): Promise<RateLimitDecision>;
  reset(key: string): Promise<void>;
};
export type RateLimiterOptions = {
  name: string;
  points: number;
  windowSeconds: number;
  blockSeconds?: number;
};
export type SharedState = {
  rateLimiter(options: RateLimiterOptions): RateLimiter;
  changes: {
    publish(topic: string, message: string): Promise<void>;
    subscribe(topic: string, handler: (message: string) => void): () => void;
  };
  close(): Promise<void>;
};
