import type { NotificationTitleParts } from '../api/notifications.js';
import { NotificationKind } from '../domain/notification-rules.js';
import type { MessageValues } from './translator.js';

/** Looks a message up in one language: the page's `t`, or a server translator's `t` for a mail. */
export type Translate = (key: string, values?: MessageValues) => string;

/** Longest letter title and actor name a title shows; the rest is cut with an ellipsis. */
export const maxTitleLetterChars = 120;
export const maxTitleActorChars = 80;

/**
 * Text on one line without control or format characters: a title becomes a mail subject too, and a
 * name holding a line break must not add a header or a line (a fake link) to a mail.
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A notification's title in the language `t` speaks, from its kind and the parts stored with it
 * (the letter's title, an actor's name: never the letter's text, rule N2). Always one line.
 */
export function notificationTitle(t: Translate, kind: NotificationKind, parts: NotificationTitleParts): string {
  const letter = oneLine(parts.letterTitle, maxTitleLetterChars);
  const actor = parts.actorName === undefined ? t('notificationTitles.someone') : oneLine(parts.actorName, maxTitleActorChars);
  return oneLine(titleOf(t, kind, parts, letter, actor), maxTitleLetterChars + maxTitleActorChars + 200);
}

function titleOf(t: Translate, kind: NotificationKind, parts: NotificationTitleParts, letter: string, actor: string): string {
  switch (kind) {
    case NotificationKind.mention:
      return t('notificationTitles.mention', { actor, letter });
    case NotificationKind.approvalStale:
      return t('notificationTitles.approvalStale', { letter });
    case NotificationKind.letterInReview:
      return t('notificationTitles.letterInReview', { letter });
    case NotificationKind.letterReady:
      return t('notificationTitles.letterReady', { letter });
    case NotificationKind.letterSigned:
      return t('notificationTitles.letterSigned', { letter });
    case NotificationKind.signatureRequested:
      return t('notificationTitles.signatureRequested', { letter });
    case NotificationKind.deadlineSoon:
      return t('notificationTitles.deadlineSoon', { letter });
    case NotificationKind.deadlinePassed:
      return parts.lateCount === undefined
        ? t('notificationTitles.deadlinePassed', { letter })
        : t('notificationTitles.officesLate', { letter, count: parts.lateCount });
    case NotificationKind.reminder:
      return t('notificationTitles.reminder', { letter });
    case NotificationKind.invitation:
      return t('notificationTitles.invitation', { letter });
    case NotificationKind.commentOnApproved:
      return parts.activity === 'suggestion'
        ? t('notificationTitles.suggestionOnApproved', { actor, letter })
        : t('notificationTitles.commentOnApproved', { actor, letter });
    default:
      throw new Error(`no title for notification kind ${String(kind satisfies never)}`);
  }
}
