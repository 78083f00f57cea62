import { NotificationKind } from '../../shared/domain/notification-rules.js';

/** What a title may name: the letter's title and people's or offices' names, nothing of its text (rule N2). */
export interface TitleParts {
  letterTitle: string;
  /** Who did it, for a mention or a comment. */
  actorName?: string;
  /** What is new on an approved paragraph: a comment unless it says a suggestion. */
  activity?: 'comment' | 'suggestion';
  /** How many offices are late, for a deadline passed told to the coordinators. */
  lateCount?: number;
}

/** One line, no control characters: a title becomes a mail subject too. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The plain-text title of a notification, which is also its mail's subject. */
export function notificationTitle(kind: NotificationKind, parts: TitleParts): string {
  const letter = `“${oneLine(parts.letterTitle, 120)}”`;
  switch (kind) {
    case NotificationKind.mention:
      return `${oneLine(parts.actorName ?? 'Someone', 80)} mentioned you or your office in ${letter}`;
    case NotificationKind.approvalStale:
      return `Your office’s approval of a paragraph of ${letter} is stale: the text changed`;
    case NotificationKind.letterInReview:
      return `${letter} moved to review`;
    case NotificationKind.letterReady:
      return `${letter} is ready to sign`;
    case NotificationKind.letterSigned:
      return `${letter} is signed by every office`;
    case NotificationKind.signatureRequested:
      return `Your office’s signature is requested on ${letter}`;
    case NotificationKind.deadlineSoon:
      return `Deadline in 24 hours for ${letter}`;
    case NotificationKind.deadlinePassed:
      return parts.lateCount === undefined
        ? `Deadline passed for ${letter}: your office is late`
        : `Deadline passed for ${letter}: ${parts.lateCount} ${parts.lateCount === 1 ? 'office is' : 'offices are'} late`;
    case NotificationKind.reminder:
      return `Reminder: ${letter} waits for your office`;
    case NotificationKind.invitation:
      return `You were added to ${letter}`;
    case NotificationKind.commentOnApproved:
      return parts.activity === 'suggestion'
        ? `${oneLine(parts.actorName ?? 'Someone', 80)} suggested a change to a paragraph your office approved in ${letter}`
        : `${oneLine(parts.actorName ?? 'Someone', 80)} commented on a paragraph your office approved in ${letter}`;
    default:
      throw new Error(`no title for notification kind ${String(kind satisfies never)}`);
  }
}
