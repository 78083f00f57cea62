import { t } from '../i18n/translate.js';
import type { ThreadEntry } from '../../shared/api/comments.js';
import { MentionKind } from '../../shared/domain/mentions.js';

/** K6: which threads the side list shows. */
export const ThreadFilter = { open: 'open', mentioningMe: 'mentioning_me', resolved: 'resolved', all: 'all' } as const;
export type ThreadFilter = (typeof ThreadFilter)[keyof typeof ThreadFilter];

export const threadFilterLabel: Record<ThreadFilter, string> = {
  get open() { return t('comments.openThreads'); },
  get mentioning_me() { return t('comments.threadsMentioningMeOrMy'); },
  get resolved() { return t('comments.resolvedThreads'); },
  get all() { return t('comments.allThreads'); },
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
