import { t } from '../i18n/translate.js';

/** How long until a deadline (or how long past it), in the interface's language: "2 days left". */
export function timeLeftText(msLeft: number): string {
  const late = msLeft <= 0;
  const ms = Math.abs(msLeft);
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return late ? t('deadlines.daysOverdue', { count: days }) : t('deadlines.daysLeft', { count: days });
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return late ? t('deadlines.hoursOverdue', { count: hours }) : t('deadlines.hoursLeft', { count: hours });
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 1) return late ? t('deadlines.minutesOverdue', { count: minutes }) : t('deadlines.minutesLeft', { count: minutes });
  return late ? t('deadlines.dueNow') : t('deadlines.underAMinuteLeft');
}
