import { describe, expect, it } from 'vitest';
import { Delivery, deadlineOf, deliveryFor, describeTimeLeft, lateOffices, nextReminderAt, NotificationKind, officeDeadlines, outstandingOffices } from './notification-rules.js';

const now = new Date('2026-03-06T12:00:00Z');
const deadlines = [
  { officeId: null, dueAt: '2026-03-09T12:00:00Z' },
  { officeId: 'lv', dueAt: '2026-03-06T10:00:00Z' },
];

describe('notification rules', () => {
  it('N1: a person’s choice wins over the default of the kind', () => {
    expect(deliveryFor(NotificationKind.reminder, new Map())).toBe(Delivery.email);
    expect(deliveryFor(NotificationKind.reminder, new Map([[NotificationKind.reminder, Delivery.digest]]))).toBe(Delivery.digest);
  });

  it('N3: an office’s own deadline replaces the letter-wide one', () => {
    expect(deadlineOf('lv', deadlines)?.dueAt).toBe('2026-03-06T10:00:00Z');
    expect(deadlineOf('ee', deadlines)?.dueAt).toBe('2026-03-09T12:00:00Z');
    expect(deadlineOf('ee', [])).toBeNull();
  });

  it('N4: an office is outstanding until it approved every paragraph, or, when ready, until it signed', () => {
    const progress = [
      { officeId: 'ee', approved: 3, of: 3, hasSigned: false },
      { officeId: 'lv', approved: 1, of: 3, hasSigned: false },
      { officeId: 'lt', approved: 3, of: 3, hasSigned: true },
    ];
    expect(outstandingOffices('in_review', progress)).toEqual(['lv']);
    expect(outstandingOffices('ready', progress)).toEqual(['ee', 'lv']);
    expect(outstandingOffices('signed', progress)).toEqual([]);
  });

  it('N4: late offices are outstanding ones past their deadline, the latest first', () => {
    expect(lateOffices(['ee', 'lv'], deadlines, now)).toEqual(['lv']);
    expect(officeDeadlines(['ee', 'lv'], deadlines, now).map((d) => [d.officeId, d.isLate])).toEqual([
      ['lv', true],
      ['ee', false],
    ]);
  });

  it('N5: an office may be reminded again an hour after its last reminder', () => {
    expect(nextReminderAt(null, now)).toBeNull();
    expect(nextReminderAt('2026-03-06T11:30:00Z', now)).toBe('2026-03-06T12:30:00.000Z');
    expect(nextReminderAt('2026-03-06T11:00:00Z', now)).toBeNull();
  });

  it('tells time left and time overdue in whole units', () => {
    expect(describeTimeLeft(3 * 86_400_000 + 5)).toBe('3 days left');
    expect(describeTimeLeft(-2 * 3_600_000)).toBe('2 hours overdue');
    expect(describeTimeLeft(60_000)).toBe('1 minute left');
    expect(describeTimeLeft(0)).toBe('due now');
  });
});
