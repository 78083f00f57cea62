import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { ReservationEntry } from '../../shared/api/comments.js';
import type { Signatory } from '../../shared/api/letters.js';
import { reservationKinds, type ReservationKind } from '../../shared/domain/reservations.js';
import { describeError } from '../api/api-error.js';
import { enterReservation, liftReservation } from '../api/comments-api.js';
import { emptyLetterState, openReservations, type LetterState } from '../sync/letter-state.js';
import type { ParagraphInfo } from '../signoff/paragraph-signoff.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, formStyles, messageStyles } from '../ui/shared-styles.js';
import { reservationKindLabel } from './reservation-kind-labels.js';

/**
 * The reservations on the paragraph holding the caret (R1–R4): every office's open ones, and for
 * an approver of a signatory office a form to enter one for their office and a button to lift it.
 */
export class JlParagraphReservations extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    paragraph: { attribute: false },
    signatories: { attribute: false },
    letterState: { attribute: false },
    myOfficeId: { attribute: false },
    canAct: { attribute: false },
    isFormOpen: { state: true },
    isBusy: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  declare paragraph: ParagraphInfo | null;
  declare signatories: Signatory[];
  declare letterState: LetterState;
  declare myOfficeId: string | undefined;
  /** True for an approver of a signatory office while the letter is not signed. */
  declare canAct: boolean;
  declare private isFormOpen: boolean;
  declare private isBusy: boolean;
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.paragraph = null;
    this.signatories = [];
    this.letterState = emptyLetterState;
    this.myOfficeId = undefined;
    this.canAct = false;
    this.isFormOpen = false;
    this.isBusy = false;
    this.error = null;
  }

  private officeName(officeId: string): string {
    return this.signatories.find((signatory) => signatory.office.id === officeId)?.office.country ?? officeId;
  }

  private async run(act: () => Promise<unknown>): Promise<void> {
    this.isBusy = true;
    this.error = null;
    try {
      await act();
      this.isFormOpen = false;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const paragraph = this.paragraph;
    if (!paragraph) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const reason = String(data.get('reason') ?? '').trim();
    if (reason === '') {
      this.error = t('comments.sayWhatYourCapitalIs');
      return;
    }
    const kind = String(data.get('kind')) as ReservationKind;
    void this.run(() => enterReservation(this.letterId, paragraph.id, { kind, reason }));
  };

  override render() {
    const paragraph = this.paragraph;
    if (!paragraph) return null;
    const open = openReservations(this.letterState, paragraph.id);
    return html`<section aria-labelledby="reservations-heading">
      <h2 id="reservations-heading">${t('comments.reservationsOnParagraph', { number: paragraph.number })}</h2>
      ${open.length === 0 ? html`<p class="hint">${t('comments.noOfficeHoldsAReservation')}</p>` : html`<ul>${open.map((r) => this.renderReservation(r))}</ul>`}
      ${this.canAct ? this.renderForm() : null}
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
    </section>`;
  }

  private renderReservation(reservation: ReservationEntry) {
    const isMine = this.canAct && reservation.officeId === this.myOfficeId;
    return html`<li>
      <strong>${reservationKindLabel[reservation.kind]}</strong> ${t('comments.of', { officeName: this.officeName(reservation.officeId) })}
      <span class="by">(${reservation.by}, ${formatDateTime(reservation.at)})</span>
      <q>${reservation.reason}</q>
      ${isMine
        ? html`<button
            type="button"
            class="secondary"
            ?disabled=${this.isBusy}
            @click=${() => void this.run(() => liftReservation(this.letterId, reservation.id, {}))}
          >
            ${t('comments.liftThe', { lowerCase: reservationKindLabel[reservation.kind].toLowerCase() })}
          </button>`
        : null}
    </li>`;
  }

  private renderForm() {
    if (!this.isFormOpen) {
      return html`<button type="button" class="secondary" aria-expanded="false" @click=${() => (this.isFormOpen = true)}>${t('comments.enterAReservation')}</button>`;
    }
    return html`<form @submit=${this.onSubmit}>
      <div class="field">
        <label for="reservation-kind">${t('comments.kindOfReservation')}</label>
        <select id="reservation-kind" name="kind">
          ${reservationKinds.map((kind) => html`<option value=${kind}>${reservationKindLabel[kind]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="reservation-reason">${t('comments.reason')}</label>
        <textarea id="reservation-reason" name="reason" rows="3" required></textarea>
      </div>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.isBusy}>${t('comments.enterTheReservationForMy')}</button>
        <button type="button" class="secondary" @click=${() => (this.isFormOpen = false)}>${t('comments.cancel')}</button>
      </div>
    </form>`;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.0625rem;
      }
      ul {
        margin: 0 0 0.5rem;
        padding-inline-start: 1.25rem;
      }
      li {
        margin-bottom: 0.5rem;
      }
      q {
        display: block;
      }
      .hint,
      .by {
        color: var(--jl-text-muted);
      }
      .hint {
        margin: 0 0 0.5rem;
      }
      textarea,
      select {
        font: inherit;
      }
      textarea {
        width: 100%;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];
}

customElements.define('jl-paragraph-reservations', JlParagraphReservations);

declare global {
  interface HTMLElementTagNameMap {
    'jl-paragraph-reservations': JlParagraphReservations;
  }
}
