import { Delivery, NotificationKind } from '../../shared/domain/notification-rules.js';

/** Each kind of notification as a person chooses its delivery. */
export const notificationKindLabel: Record<NotificationKind, string> = {
  [NotificationKind.mention]: 'Someone mentions me or my office',
  [NotificationKind.approvalStale]: 'My office’s approval turns stale',
  [NotificationKind.letterInReview]: 'A letter moves to review',
  [NotificationKind.letterReady]: 'A letter is ready to sign',
  [NotificationKind.letterSigned]: 'A letter is signed',
  [NotificationKind.signatureRequested]: 'My office’s signature is requested',
  [NotificationKind.deadlineSoon]: 'A deadline is 24 hours away',
  [NotificationKind.deadlinePassed]: 'A deadline has passed',
  [NotificationKind.reminder]: 'The coordinator sends a reminder',
  [NotificationKind.invitation]: 'I am added to a letter',
  [NotificationKind.commentOnApproved]: 'A new comment on a paragraph my office approved',
};

export const deliveryLabel: Record<Delivery, string> = {
  [Delivery.inApp]: 'In Jointly only',
  [Delivery.email]: 'E-mail at once',
  [Delivery.digest]: 'Daily e-mail digest',
};
