import type { Logger } from '../logger.js';

/** Someone was mentioned in a comment: what a notifier needs to tell them. */
export interface MentionEvent {
  letterId: string;
  threadId: string;
  commentId: string;
  /** Who wrote the comment. */
  byUserId: string;
  /** People mentioned by name, and offices mentioned as a whole (`@Estonia`), newly in this comment or edit. */
  userIds: string[];
  officeIds: string[];
  at: string;
}

export type MentionListener = (event: MentionEvent) => void | Promise<void>;

/**
 * The seam notifications subscribe to: told after a comment that mentions someone is stored. A
 * listener that fails is logged and never undoes the comment or reaches the person who wrote it.
 */
export class MentionEvents {
  private readonly listeners = new Set<MentionListener>();

  constructor(private readonly logger: Logger) {}

  /** Returns a function that unsubscribes. */
  onMentioned(listener: MentionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: MentionEvent): void {
    if (event.userIds.length === 0 && event.officeIds.length === 0) return;
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.logger.error({ err: error, letterId: event.letterId, commentId: event.commentId }, 'a mention listener failed'));
    }
  }
}
