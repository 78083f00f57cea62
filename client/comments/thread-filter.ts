import type { ThreadEntry } from '../../shared/api/comments.js';
import { MentionKind } from '../../shared/domain/mentions.js';

/** K6: which threads the side list shows. */
export const ThreadFilter = { open: 'open', mentioningMe: 'mentioning_me', resolved: 'resolved', all: 'all' } as const;
export type ThreadFilter = (typeof ThreadFilter)[keyof typeof ThreadFilter];

export const threadFilterLabel: Record<ThreadFilter, string> = {
  open: 'Open threads',
  mentioning_me: 'Threads mentioning me or my office',
  resolved: 'Resolved threads',
  all: 'All threads',
};

/** Whether a thread passes the filter, for this person of this office. */
export function matchesThreadFilter(thread: ThreadEntry, filter: ThreadFilter, me: { userId: string; officeId: string }): boolean {
  switch (filter) {
    case ThreadFilter.open:
      return thread.status === 'open';
    case ThreadFilter.resolved:
      return thread.status === 'resolved';
    case ThreadFilter.mentioningMe:
      return thread.comments.some((comment) =>
        comment.mentions.some((m) => (m.kind === MentionKind.user ? m.id === me.userId : m.id === me.officeId)),
      );
    case ThreadFilter.all:
      return true;
    default:
      throw new Error(`unknown thread filter ${String(filter)}`);
  }
}
