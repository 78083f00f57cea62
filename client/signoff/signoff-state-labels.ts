import { t } from '../i18n/translate.js';
import { SignoffState } from '../../shared/domain/signoff-state.js';

/** A sign-off state in words, with an icon that never stands alone. */
export const signoffStateLabel: Record<SignoffState, { icon: string; text: string }> = {
  [SignoffState.pending]: { icon: '○', get text() { return t('signoff.pending'); } },
  [SignoffState.approved]: { icon: '✓', get text() { return t('signoff.approved'); } },
  [SignoffState.stale]: { icon: '⟳', get text() { return t('signoff.staleChangedSinceApproval'); } },
  [SignoffState.changesRequested]: { icon: '✎', get text() { return t('signoff.changesRequested'); } },
};
