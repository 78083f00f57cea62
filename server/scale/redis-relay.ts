import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { LetterRelay, RelayedMessage } from '../sync/letter-relay.js';
import { decodeLetterEnvelope, decodeSessionsEnvelope, encodeLetterEnvelope, encodeSessionsEnvelope } from './relay-codec.js';

const channelPrefix = 'jointly:letter:';
const sessionsChannel = 'jointly:sessions';
/** How long start-up waits for Redis before going on without it (it catches up once Redis is there). */
const firstConnectTimeoutMs = 10_000;

/**
 * The other instances, through Redis pub/sub: one channel per letter, one for ended sessions.
 * Publishing is fire and forget; while Redis is away nothing queues up, and every instance
 * catches up from the store when its connections are back (see `onReconnected`).
 */
export class RedisRelay implements LetterRelay {
  /** Tells this instance's own messages apart, which Redis delivers back to it. */
  private readonly instanceId = randomUUID();
  private readonly receivers = new Map<string, (message: RelayedMessage) => void>();
  private readonly sessionListeners = new Set<(sessionIds: string[]) => void>();
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {
    subscriber.on('message', (channel: string, text: string) => this.deliver(channel, text));
    for (const [role, connection] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      connection.on('error', (error: Error) => logger.warn({ err: error, role }, 'redis connection error'));
      connection.on('close', () => logger.debug({ role }, 'redis connection closed'));
    }
    // Every "ready" after the first is a reconnection: messages may have been lost meanwhile.
    subscriber.once('ready', () => subscriber.on('ready', () => void this.resubscribe()));
    publisher.once('ready', () => publisher.on('ready', () => this.announceReconnected()));
  }

  /** Connects to Redis, waiting a little for it at start-up. */
  static async connect(url: string, logger: Logger): Promise<RedisRelay> {
    // Publishing fails at once while Redis is away (the store has the text); subscribing waits for it.
    const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const subscriber = new Redis(url, { maxRetriesPerRequest: null });
    const relay = new RedisRelay(publisher, subscriber, logger);
    const ready = (connection: Redis) => (connection.status === 'ready' ? Promise.resolve() : new Promise((resolve) => connection.once('ready', resolve)));
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), firstConnectTimeoutMs).unref());
    if ((await Promise.race([Promise.all([ready(publisher), ready(subscriber)]), timeout])) === 'timeout') {
      logger.warn('redis is not reachable yet; instances will catch up once it is');
    }
    await subscriber.subscribe(sessionsChannel).catch((error: unknown) => logger.warn({ err: error }, 'could not subscribe to session ends'));
    return relay;
  }

  async subscribe(letterId: string, receive: (message: RelayedMessage) => void): Promise<void> {
    this.receivers.set(letterId, receive);
    const subscribed = this.subscriber.subscribe(channelPrefix + letterId);
    // Without Redis the letter still opens; the subscription happens on reconnection, followed by a catch-up.
    if (this.subscriber.status === 'ready') await subscribed;
    else subscribed.catch((error: unknown) => this.logger.warn({ err: error, letterId }, 'could not subscribe'));
  }

  unsubscribe(letterId: string): void {
    this.receivers.delete(letterId);
    this.subscriber.unsubscribe(channelPrefix + letterId).catch(() => {});
  }

  publish(letterId: string, message: RelayedMessage): void {
    this.send(channelPrefix + letterId, encodeLetterEnvelope(this.instanceId, message));
  }

  publishSessionsEnded(sessionIds: string[]): void {
    this.send(sessionsChannel, encodeSessionsEnvelope(this.instanceId, sessionIds));
  }

  onSessionsEnded(listener: (sessionIds: string[]) => void): void {
    this.sessionListeners.add(listener);
  }

  onReconnected(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  private send(channel: string, text: string): void {
    this.publisher.publish(channel, text).catch((error: unknown) => {
      // Nothing is lost: the text is stored, and the others catch up when Redis is back.
      this.logger.debug({ err: error, channel }, 'could not publish');
    });
  }

  private deliver(channel: string, text: string): void {
    if (channel === sessionsChannel) {
      const envelope = decodeSessionsEnvelope(text);
      if (envelope && envelope.from !== this.instanceId) for (const listener of this.sessionListeners) listener(envelope.sessionIds);
      return;
    }
    const receive = this.receivers.get(channel.slice(channelPrefix.length));
    if (!receive) return;
    const envelope = decodeLetterEnvelope(text);
    if (!envelope) {
      this.logger.warn({ channel }, 'dropping an unreadable relayed message');
      return;
    }
    if (envelope.from === this.instanceId) return;
    try {
      receive(envelope.message);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not apply a relayed message');
    }
  }

  /** Subscribed again to every channel (confirmed by Redis), then catch up: nothing falls between the two. */
  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(sessionsChannel, ...Array.from(this.receivers.keys(), (letterId) => channelPrefix + letterId));
      this.announceReconnected();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not subscribe again after reconnecting');
    }
  }

  private announceReconnected(): void {
    for (const listener of this.reconnectListeners) listener();
  }
}
