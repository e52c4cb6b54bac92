import pg from 'pg';
import { checkMessageSize, Resumptions, Subscribers, type ChangeBus } from './change-bus';
import { envelopeCodec } from './envelope';

const CHANNEL = 'newsroom_changes';
const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * Changes over PostgreSQL LISTEN/NOTIFY: every instance already talks to the database, so
 * scale-out needs no other server. One listening connection per process, reconnected with
 * backoff when the server goes away (messages sent meanwhile are missed; caches' TTL covers them).
 */
export function createPostgresChangeBus(
  databaseUrl: string,
): ChangeBus & { ready(): Promise<void> } {
  const subscribers = new Subscribers();
  const resumptions = new Resumptions();
  /** Listened before: a later LISTEN comes after a gap in which notifications were lost. */
  let listenedBefore = false;
  const envelopes = envelopeCodec();
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  publisher.on('error', () => undefined); // idle client lost; the next query reconnects
  let listener: pg.Client | undefined;
  let closed = false;
  let reconnectDelay = 250;
  let resolveReady: () => void;
  let readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (notification) => {
      const envelope = envelopes.decodeForeign(notification.payload ?? '');
      if (envelope) subscribers.deliver(envelope.topic, envelope.message);
    });
    client.on('error', () => reconnect(client));
    client.on('end', () => reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (closed) return void client.end().catch(() => undefined);
      listener = client;
      reconnectDelay = 250;
      resolveReady();
      if (listenedBefore) resumptions.fire();
      listenedBefore = true;
    } catch {
      reconnect(client);
    }
  }

  function reconnect(client: pg.Client) {
    if (closed || (listener !== undefined && listener !== client)) return;
    listener = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
    const delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
    setTimeout(() => void listen(), delay).unref();
  }

  void listen();
  return {
    async publish(topic, message) {
      checkMessageSize(topic, message);
      subscribers.deliver(topic, message);
      await publisher.query('SELECT pg_notify($1, $2)', [
        CHANNEL,
        envelopes.encode(topic, message),
      ]);
    },
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    onResumed: (handler) => resumptions.add(handler),
    ready: () => readyPromise,
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await publisher.end();
    },
  };
}
