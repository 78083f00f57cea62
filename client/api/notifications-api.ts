import {
  type DeadlinesRequest,
  type DeadlineSummary,
  deadlineSummarySchema,
  type LetterDeadlines,
  letterDeadlinesSchema,
  type MailStatus,
  mailStatusSchema,
  type MarkReadRequest,
  type NotificationList,
  notificationListSchema,
  type Preferences,
  preferencesSchema,
  type ReminderRequest,
  type ReminderResponse,
  reminderResponseSchema,
} from '../../shared/api/notifications.js';
import { requestJson } from './request-json.js';

const deadlinesPath = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}/deadlines`;

/** The address of the person's live notification stream (server-sent events). */
export const notificationStreamPath = '/api/notifications/stream';

export function loadNotifications(): Promise<NotificationList> {
  return requestJson('/api/notifications', notificationListSchema);
}

export function markNotificationsRead(request: MarkReadRequest): Promise<NotificationList> {
  return requestJson('/api/notifications/read', notificationListSchema, { method: 'POST', body: request });
}

export function loadPreferences(): Promise<Preferences> {
  return requestJson('/api/notifications/preferences', preferencesSchema);
}

export function savePreferences(preferences: Preferences): Promise<Preferences> {
  return requestJson('/api/notifications/preferences', preferencesSchema, { method: 'PUT', body: preferences });
}

export function loadDeadlines(letterId: string): Promise<LetterDeadlines> {
  return requestJson(deadlinesPath(letterId), letterDeadlinesSchema);
}

export function saveDeadlines(letterId: string, request: DeadlinesRequest): Promise<LetterDeadlines> {
  return requestJson(deadlinesPath(letterId), letterDeadlinesSchema, { method: 'PUT', body: request });
}

export function remindOffices(letterId: string, request: ReminderRequest): Promise<ReminderResponse> {
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}/reminders`, reminderResponseSchema, { method: 'POST', body: request });
}

export function loadDeadlineSummary(): Promise<DeadlineSummary> {
  return requestJson('/api/deadlines', deadlineSummarySchema);
}

export function loadMailStatus(): Promise<MailStatus> {
  return requestJson('/api/admin/mail', mailStatusSchema);
}
