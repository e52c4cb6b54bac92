import { randomUUID } from 'node:crypto';

export interface Envelope {
  origin: string;
  topic: string;
  message: string;
}

/**
 * Wraps and unwraps one bus's messages. Each bus has its own origin id, so it skips the echo of
 * what it published itself (already delivered locally) when Redis or PostgreSQL sends it back.
 */
export function envelopeCodec() {
  const origin = randomUUID();
  return {
    /** This bus's id, for transports that carry it beside the message (the SQLite rows). */
    origin,
    encode(topic: string, message: string): string {
      return JSON.stringify({ origin, topic, message } satisfies Envelope);
    },
    /** Another bus's envelope, or null for our own echo and for anything malformed. */
    decodeForeign(payload: string): Envelope | null {
      try {
        const value = JSON.parse(payload) as Partial<Envelope>;
        if (
          typeof value.origin !== 'string' ||
          typeof value.topic !== 'string' ||
          typeof value.message !== 'string' ||
          value.origin === origin
        ) {
          return null;
        }
        return value as Envelope;
      } catch {
        return null;
      }
    },
  };
}
