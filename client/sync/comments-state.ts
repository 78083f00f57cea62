import type { LetterCommentsMessage, ThreadEntry } from '../../shared/api/comments.js';
import { defaultCommentSettings, type CommentSettings } from '../../shared/domain/comment-rules.js';

/** What the server told this page about the letter's comment threads (message 105). */
export interface CommentsState {
  threads: ReadonlyMap<string, ThreadEntry>;
  settings: CommentSettings;
  /** False until the first full list arrived on this page. */
  isLoaded: boolean;
}

export const emptyCommentsState: CommentsState = { threads: new Map(), settings: defaultCommentSettings, isLoaded: false };

/**
 * K7: folds one message 105 into the state. Threads are never deleted, and each copy carries a
 * version that grows with every change, so the newer of two copies wins whatever order they
 * arrive in (a change pushed while the full list was being read, a full list after a reconnect).
 */
export function applyCommentsMessage(state: CommentsState, message: LetterCommentsMessage): CommentsState {
  switch (message.kind) {
    case 'full':
      return { threads: keepNewer(state.threads, message.threads), settings: message.settings, isLoaded: true };
    case 'thread':
      return { ...state, threads: keepNewer(state.threads, [message.thread]) };
    case 'settings':
      return { ...state, settings: message.settings };
    default:
      throw new Error(`unknown comments message ${String((message as { kind: unknown }).kind)}`);
  }
}

function keepNewer(current: ReadonlyMap<string, ThreadEntry>, incoming: readonly ThreadEntry[]): Map<string, ThreadEntry> {
  const next = new Map(current);
  for (const thread of incoming) {
    const known = next.get(thread.id);
    if (!known || known.version <= thread.version) next.set(thread.id, thread);
  }
  return next;
}
