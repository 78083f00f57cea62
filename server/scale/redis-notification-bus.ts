import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { NotificationBus } from '../notifications/notification-bus.js';

const channel = 'jointly:notifications';
const messageSchema = z.object({ userIds: z.array(z.string().max(64)).max(10_000) });

/**
 * The notification bus across instances, through one Redis channel: a person's page may be open
 * on another instance than the one that stored their notification. Best effort: a page that
 * missed a message still has the right count at its next load or reconnection.
 */
export class RedisNotificationBus implements NotificationBus {
  private readonly listeners = new Set<(userIds: readonly string[]) => void>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {
    subscriber.on('message', (from: string, text: string) => this.deliver(from, text));
    for (const connection of [publisher, subscriber]) {
      connection.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error (notifications)'));
    }
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).catch((error: unknown) => logger.warn({ err: error }, 'could not subscribe to notifications'));
    });
  }

  static connect(url: string, logger: Logger): RedisNotificationBus {
    const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const subscriber = new Redis(url, { maxRetriesPerRequest: null });
    return new RedisNotificationBus(publisher, subscriber, logger);
  }

  publish(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    // Redis delivers the message back to this instance too: that is how local pages hear of it.
    this.publisher.publish(channel, JSON.stringify({ userIds })).catch((error: unknown) => {
      this.logger.debug({ err: error }, 'could not publish a notification change');
      this.tell(userIds);
    });
  }

  subscribe(listener: (userIds: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  private deliver(from: string, text: string): void {
    if (from !== channel) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const message = messageSchema.safeParse(parsed);
    if (!message.success) {
      this.logger.warn('dropping an unreadable notification message');
      return;
    }
    this.tell(message.data.userIds);
  }

  private tell(userIds: readonly string[]): void {
    for (const listener of this.listeners) listener(userIds);
  }
}
