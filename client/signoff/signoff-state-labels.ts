import { SignoffState } from '../../shared/domain/signoff-state.js';

/** A sign-off state in words, with an icon that never stands alone. */
export const signoffStateLabel: Record<SignoffState, { icon: string; text: string }> = {
  [SignoffState.pending]: { icon: '○', text: 'Pending' },
  [SignoffState.approved]: { icon: '✓', text: 'Approved' },
  [SignoffState.stale]: { icon: '⟳', text: 'Stale: changed since approval' },
  [SignoffState.changesRequested]: { icon: '✎', text: 'Changes requested' },
};
