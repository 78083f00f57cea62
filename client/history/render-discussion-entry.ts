import { t } from '../i18n/translate.js';
import { html, nothing } from 'lit';
import { reservationKindLabel } from '../comments/reservation-kind-labels.js';
import { formatDateTime } from '../ui/format-date-time.js';
import type { DiscussionAct } from './discussion-acts.js';

/** How each act heads its line of the timeline. */
function headline(act: DiscussionAct, office: (officeId: string) => string) {
  switch (act.kind) {
    case 'comment':
      return html`<span aria-hidden="true">💬</span> <strong>${act.isReply ? t('history.reply') : act.isAnchored ? t('history.commentOnWords') : t('history.commentOnTheParagraph')}</strong> ${t('history.by2', { by: act.by, office: office(act.officeId) })}`;
    case 'resolve':
      return html`<span aria-hidden="true">✔</span> <strong>${t('history.threadResolved')}</strong> ${t('history.by3', { by: act.by })}`;
    case 'reservation-entered':
      return html`<span aria-hidden="true">⚑</span> <strong>${t('history.entered', { value: reservationKindLabel[act.reservationKind] })}</strong> ${t('history.forBy', { office: office(act.officeId), by: act.by })}`;
    case 'reservation-lifted':
      return html`<span aria-hidden="true">⚐</span> <strong>${t('history.lifted', { value: reservationKindLabel[act.reservationKind] })}</strong> ${t('history.forBy', { office: office(act.officeId), by: act.by })}`;
    default:
      throw new Error(`unknown discussion act ${String((act as { kind: unknown }).kind)}`);
  }
}

/** The words the act carries, as text: the comment, the quoted passage, the reason or the note. */
function detail(act: DiscussionAct) {
  switch (act.kind) {
    case 'comment':
      return html`${act.isAnchored && !act.isReply ? html`<q class="quote">${act.quote}</q>` : nothing}
        ${act.body === null ? html`<p class="withdrawn">${t('history.withdrawnByItsAuthor')}</p>` : html`<q class="reason">${act.body}</q>`}`;
    case 'resolve':
      return act.quote ? html`<q class="quote">${act.quote}</q>` : nothing;
    case 'reservation-entered':
      return html`<q class="reason">${act.reason}</q>`;
    case 'reservation-lifted':
      return act.note ? html`<q class="reason">${act.note}</q>` : nothing;
    default:
      return nothing;
  }
}

/** A comment, reply, resolve or reservation act as a line of the paragraph's timeline. */
export function renderDiscussionEntry(act: DiscussionAct, office: (officeId: string) => string) {
  return html`<li class="entry discussion ${act.kind}">
    <p class="entry-head">${headline(act, office)}</p>
    <p class="entry-time"><time datetime=${act.at}>${formatDateTime(act.at)}</time></p>
    ${detail(act)}
  </li>`;
}
