/**
 * Tells every instance that something changed (a link disabled, an article updated), so caches
 * drop stale entries at once instead of waiting for their TTL.
 */
export interface ChangeBus {
  /** Delivers `message` to every subscriber of `topic` in every process, this one included. */
  publish(topic: string, message: string): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, handler: (message: string) => void): () => void;
  /**
   * Calls `handler` each time the bus listens again after losing its connection: messages sent
   * meanwhile were missed, so a cache should drop everything it holds rather than wait out its
   * TTL (a link disabled, an article taken down during the gap). Returns the unsubscribe.
   */
  onResumed(handler: () => void): () => void;
  close(): Promise<void>;
}

/** The handlers of `onResumed`, shared by the bus kinds that can lose messages. */
export class Resumptions {
  private readonly handlers = new Set<() => void>();

  add(handler: () => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  fire(): void {
    for (const handler of this.handlers) {
      try {
        handler();
      } catch (error) {
        console.error('change bus: a resumption handler failed:', error);
      }
    }
  }
}

/** PostgreSQL's NOTIFY payload limit is 8,000 bytes; messages are ids, far below it. */
export const MAX_CHANGE_MESSAGE_BYTES = 7_000;

/** Subscribers per topic, shared by every bus kind: the transport only moves envelopes. */
export class Subscribers {
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  add(topic: string, handler: (message: string) => void): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  deliver(topic: string, message: string): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(message);
      } catch (error) {
        console.error(`change handler for "${topic}" failed:`, error);
      }
    }
  }
}

export function checkMessageSize(topic: string, message: string): void {
  if (Buffer.byteLength(topic) + Buffer.byteLength(message) > MAX_CHANGE_MESSAGE_BYTES) {
    throw new Error(`change message on "${topic}" is over ${MAX_CHANGE_MESSAGE_BYTES} bytes`);
  }
}
