import { t } from '../i18n/translate.js';
import { SignoffAction } from '../../shared/domain/signoff-state.js';

/** An office's act on a paragraph in words, as in "Approved by Aino". */
export const signoffActionLabel: Record<SignoffAction, string> = {
  get [SignoffAction.approve]() { return t('signoff.approved'); },
  get [SignoffAction.requestChanges]() { return t('signoff.changesRequested'); },
  get [SignoffAction.withdraw]() { return t('signoff.withdrawn'); },
};
