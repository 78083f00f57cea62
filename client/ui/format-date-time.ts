const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const preciseDateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * A server timestamp as people read it, e.g. "22 Nov 2026, 12:03", or with seconds where the
 * order of close events matters; left as it is if unreadable.
 */
export function formatDateTime(value: string, { withSeconds = false } = {}): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return (withSeconds ? preciseDateTimeFormat : dateTimeFormat).format(date);
}
