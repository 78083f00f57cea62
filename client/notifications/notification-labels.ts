import { t } from '../i18n/translate.js';
import { Delivery, NotificationKind } from '../../shared/domain/notification-rules.js';

/** Each kind of notification as a person chooses its delivery. */
export const notificationKindLabel: Record<NotificationKind, string> = {
  get [NotificationKind.mention]() { return t('notifications.someoneMentionsMeOrMy'); },
  get [NotificationKind.approvalStale]() { return t('notifications.myOfficeSApprovalTurns'); },
  get [NotificationKind.letterInReview]() { return t('notifications.aLetterMovesToReview'); },
  get [NotificationKind.letterReady]() { return t('notifications.aLetterIsReadyTo'); },
  get [NotificationKind.letterSigned]() { return t('notifications.aLetterIsSigned'); },
  get [NotificationKind.signatureRequested]() { return t('notifications.myOfficeSSignatureIs'); },
  get [NotificationKind.deadlineSoon]() { return t('notifications.aDeadlineIs24Hours'); },
  get [NotificationKind.deadlinePassed]() { return t('notifications.aDeadlineHasPassed'); },
  get [NotificationKind.reminder]() { return t('notifications.theCoordinatorSendsAReminder'); },
  get [NotificationKind.invitation]() { return t('notifications.iAmAddedToA'); },
  get [NotificationKind.commentOnApproved]() { return t('notifications.aNewCommentOnA'); },
};

export const deliveryLabel: Record<Delivery, string> = {
  get [Delivery.inApp]() { return t('notifications.inJointlyOnly'); },
  get [Delivery.email]() { return t('notifications.eMailAtOnce'); },
  get [Delivery.digest]() { return t('notifications.dailyEMailDigest'); },
};
