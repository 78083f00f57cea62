import type { NotificationTitleParts } from '../../shared/api/notifications.js';
import { notificationTitle, oneLine } from '../../shared/i18n/notification-title.js';
import type { Language } from '../../shared/i18n/languages.js';
import type { NotificationRecord } from '../store/notification-store.js';
import { translateIn } from './mail-language.js';

/** What a title may name: the letter's title and people's or offices' names, nothing of its text (rule N2). */
export type TitleParts = NotificationTitleParts;

/** Longest title of an older notification (stored as English text) shown or mailed. */
const maxStoredTitleChars = 400;

/**
 * A notification's title in `language`, one line: rendered from what it names, or, for one stored
 * before titles were stored that way, its English title as it was stored.
 */
export function titleIn(language: Language, notification: Pick<NotificationRecord, 'kind' | 'title' | 'titleParts'>): string {
  if (notification.titleParts) return notificationTitle(translateIn(language), notification.kind, notification.titleParts);
  return oneLine(notification.title, maxStoredTitleChars);
}
