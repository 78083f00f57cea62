import type { Logger } from '../logger.js';

/** A comment was added to a thread (a new thread or a reply): what a notifier needs to tell people of it. */
export interface CommentAddedEvent {
  letterId: string;
  threadId: string;
  commentId: string;
  /** The paragraph the thread is on. */
  paragraphId: string;
  /** Who wrote the comment. */
  byUserId: string;
  /** People and offices the comment mentions: they hear of it as a mention. */
  mentionedUserIds: string[];
  mentionedOfficeIds: string[];
  at: string;
}

export type CommentAddedListener = (event: CommentAddedEvent) => void | Promise<void>;

/**
 * The seam notifications subscribe to for new comments, told after the comment is stored. A
 * listener that fails is logged and never undoes the comment or reaches the person who wrote it.
 */
export class CommentEvents {
  private readonly listeners = new Set<CommentAddedListener>();

  constructor(private readonly logger: Logger) {}

  /** Returns a function that unsubscribes. */
  onCommentAdded(listener: CommentAddedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CommentAddedEvent): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.logger.error({ err: error, letterId: event.letterId, commentId: event.commentId }, 'a comment listener failed'));
    }
  }
}
