/**
 * Tells open pages that a person's notifications changed, on every instance. Each instance
 * passes it to the notification streams (server-sent events) of that person open on it.
 */
export interface NotificationBus {
  publish(userIds: readonly string[]): void;
  /** Returns a function that stops listening. */
  subscribe(listener: (userIds: readonly string[]) => void): () => void;
  close(): Promise<void>;
}

/** The bus of a server that runs alone. */
export class LocalNotificationBus implements NotificationBus {
  private readonly listeners = new Set<(userIds: readonly string[]) => void>();

  publish(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    for (const listener of this.listeners) listener(userIds);
  }

  subscribe(listener: (userIds: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
