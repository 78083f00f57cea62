import { SignoffAction } from '../../shared/domain/signoff-state.js';

/** An office's act on a paragraph in words, as in "Approved by Aino". */
export const signoffActionLabel: Record<SignoffAction, string> = {
  [SignoffAction.approve]: 'Approved',
  [SignoffAction.requestChanges]: 'Changes requested',
  [SignoffAction.withdraw]: 'Withdrawn',
};
