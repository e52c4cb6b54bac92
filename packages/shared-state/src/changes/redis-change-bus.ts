import type { Redis } from 'ioredis';
import { checkMessageSize, Resumptions, Subscribers, type ChangeBus } from './change-bus';
import { envelopeCodec } from './envelope';

const CHANNEL = 'newsroom:changes';

/** Changes over Redis pub/sub; `publisher` is shared, a subscribed connection can't publish. */
export function createRedisChangeBus(publisher: Redis): ChangeBus & { ready(): Promise<void> } {
  const subscribers = new Subscribers();
  const envelopes = envelopeCodec();
  const subscriber = publisher.duplicate();
  subscriber.on('error', () => undefined); // ioredis reconnects and resubscribes by itself
  subscriber.on('message', (_channel: string, payload: string) => {
    const envelope = envelopes.decodeForeign(payload);
    if (envelope) subscribers.deliver(envelope.topic, envelope.message);
  });
  const subscribed = subscriber.subscribe(CHANNEL).then(() => undefined);
  // ioredis resubscribes by itself on every reconnection; each one after the first follows a
  // gap in which messages were lost.
  const resumptions = new Resumptions();
  let connections = 0;
  subscriber.on('ready', () => {
    connections += 1;
    if (connections > 1) resumptions.fire();
  });
  return {
    async publish(topic, message) {
      checkMessageSize(topic, message);
      subscribers.deliver(topic, message);
      await publisher.publish(CHANNEL, envelopes.encode(topic, message));
    },
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    onResumed: (handler) => resumptions.add(handler),
    ready: () => subscribed,
    async close() {
      subscriber.disconnect();
    },
  };
}
