import { t } from '../i18n/translate.js';
import { html } from 'lit';
import { SignoffAction } from '../../shared/domain/signoff-state.js';
import { signoffActionLabel } from '../signoff/signoff-action-labels.js';
import { formatDateTime } from '../ui/format-date-time.js';
import type { HistorySignoff } from './history-timeline.js';

const actionIcon: Record<SignoffAction, string> = {
  [SignoffAction.approve]: '✓',
  [SignoffAction.requestChanges]: '✎',
  [SignoffAction.withdraw]: '↶',
};

/** A sign-off act as a line of the paragraph's timeline: what, for which office, by whom, when, why. */
export function renderSignoffEntry(signoff: HistorySignoff, office: string) {
  return html`<li class="entry signoff action-${signoff.action}">
    <p class="entry-head">
      <span aria-hidden="true">${actionIcon[signoff.action]}</span> <strong>${signoffActionLabel[signoff.action]}</strong> ${t('history.forBy', { office: office, by: signoff.by })}
    </p>
    <p class="entry-time"><time datetime=${signoff.at}>${formatDateTime(signoff.at)}</time></p>
    ${signoff.action === SignoffAction.requestChanges && signoff.reason ? html`<q class="reason">${signoff.reason}</q>` : null}
  </li>`;
}
