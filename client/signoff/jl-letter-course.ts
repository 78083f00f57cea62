import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { LetterStatus, type Signatory } from '../../shared/api/letters.js';
import type { LetterCourse } from '../../shared/api/signoffs.js';
import type { Office } from '../../shared/api/offices.js';
import { SignoffState } from '../../shared/domain/signoff-state.js';
import { describeError } from '../api/api-error.js';
import { loadOffices } from '../api/offices-api.js';
import { saveSignatories, signLetter } from '../api/signoffs-api.js';
import { letterSignOffPath } from '../app/route.js';
import { buttonStyles, formStyles, messageStyles, noticeStyles } from '../ui/shared-styles.js';
import { emptyLetterState, type LetterState } from '../sync/letter-state.js';
import { type ParagraphInfo, paragraphStates } from './paragraph-signoff.js';
import { formatUtcDateTime } from '../ui/format-date-time.js';
import { letterHash, type BodyNodeJson } from '../../shared/domain/letter-hash.js';
import { areSignatoriesFixed, isFrozen, isTextReadOnly } from '../../shared/domain/letter-course.js';
import './jl-approve-all-dialog.js';
import type { ApprovalCandidate } from './jl-approve-all-dialog.js';
import { ApprovalsRecordedEvent } from './approvals-recorded-event.js';
import { deriveSignoffProgress } from './derived-signoff-grid.js';
import type { SignoffProgress } from '../../shared/domain/signoff-grid.js';
import { type LetterSession, LetterSessionWatch } from '../sync/letter-session.js';

/** Where an error belongs: it is shown next to the control that caused it. */
type ErrorPlace = 'signatories' | 'approveAll' | 'sign';

interface SignatoryEntry {
  officeId: string;
  signerName: string;
  capacity: string;
}

/**
 * The letter's course: the signatory offices in signing order with their progress, the
 * approvers' "approve every pending paragraph" and final signature, and who signed when. The
 * coordinator's status moves sit in the letter bar (jl-status-moves).
 */
export class JlLetterCourse extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    status: { attribute: false },
    session: { attribute: false },
    signatories: { attribute: false },
    myOfficeId: { attribute: false },
    isCoordinator: { attribute: false },
    isApprover: { attribute: false },
    readParagraphs: { attribute: false },
    readBody: { attribute: false },
    offices: { state: true },
    editingOfficeId: { state: true },
    removingOfficeId: { state: true },
    addOfficeId: { state: true },
    notice: { state: true },
    isBusy: { state: true },
    error: { state: true },
    errorPlace: { state: true },
  };

  declare letterId: string;
  declare status: LetterStatus;
  /** The open letter: its letter state (102) and its text, whose every change moves the progress. */
  declare session: LetterSession | undefined;
  declare signatories: Signatory[];
  declare myOfficeId: string | undefined;
  declare isCoordinator: boolean;
  declare isApprover: boolean;
  /** The paragraphs of the text as the editor holds it now, with their current hashes. */
  declare readParagraphs: () => readonly ParagraphInfo[];
  /** The text as this page's editor shows it, layout included: what a signature binds to (F1). */
  declare readBody: () => BodyNodeJson;
  declare private offices: Office[] | undefined;
  declare private editingOfficeId: string | null;
  declare private removingOfficeId: string | null;
  declare private addOfficeId: string;
  declare private notice: string | null;
  declare private isBusy: boolean;
  declare private error: string | null;
  declare private errorPlace: ErrorPlace;
  private readonly sessionWatch = new LetterSessionWatch(this, () => this.session, ['change', 'text']);

  constructor() {
    super();
    this.letterId = '';
    this.status = LetterStatus.drafting;
    this.session = undefined;
    this.signatories = [];
    this.myOfficeId = undefined;
    this.isCoordinator = false;
    this.isApprover = false;
    this.readParagraphs = () => [];
    this.readBody = () => ({ type: 'doc', content: [] });
    this.offices = undefined;
    this.editingOfficeId = null;
    this.removingOfficeId = null;
    this.addOfficeId = '';
    this.notice = null;
    this.isBusy = false;
    this.error = null;
    this.errorPlace = 'signatories';
    this.addEventListener(ApprovalsRecordedEvent.eventName, (event) => {
      const country = this.signatories.find((signatory) => signatory.office.id === this.myOfficeId)?.office.country ?? t('signoff.yourOffice');
      this.notice = t('signoff.paragraphsApprovedFor', { count: event.count, country });
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('isCoordinator') && this.isCoordinator && this.offices === undefined) {
      this.offices = [];
      void this.loadAllOffices();
    }
  }

  private get letterState(): LetterState {
    return this.session?.letterState ?? emptyLetterState;
  }

  private get course(): LetterCourse | null {
    return this.letterState.course;
  }

  private async loadAllOffices(): Promise<void> {
    try {
      this.offices = await loadOffices();
    } catch (error) {
      this.errorPlace = 'signatories';
      this.error = describeError(error);
    }
  }

  private async sign(): Promise<void> {
    this.isBusy = true;
    this.error = null;
    this.errorPlace = 'sign';
    try {
      // The signature binds to what this page shows: its own text and the signatories listed here.
      // The server refuses it (409) if that is not the letter as it stands.
      await signLetter(this.letterId, { letterHash: this.shownLetterHash() });
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  /** The letter hash of the text in this page's editor and the signatories this panel lists. */
  private shownLetterHash(): string {
    return letterHash(
      this.readBody(),
      this.currentEntries(),
    );
  }

  private currentEntries(): SignatoryEntry[] {
    return this.signatories.map(({ office, signerName, capacity }) => ({ officeId: office.id, signerName, capacity }));
  }

  /** Saves the whole ordered list; true when the server took it. */
  private async saveEntries(entries: SignatoryEntry[]): Promise<boolean> {
    this.isBusy = true;
    this.error = null;
    this.errorPlace = 'signatories';
    this.notice = null;
    try {
      await saveSignatories(this.letterId, { signatories: entries });
      return true;
    } catch (error) {
      this.error = describeError(error);
      return false;
    } finally {
      this.isBusy = false;
    }
  }

  /** Moves an office one place up (-1) or down (+1) in the signing order. */
  private async reorder(index: number, step: -1 | 1): Promise<void> {
    const order = this.currentEntries();
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + step, 0, moved);
    await this.saveEntries(order);
  }

  private readonly onEditSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const officeId = this.editingOfficeId;
    if (!officeId) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const signerName = String(data.get('signerName') ?? '').trim();
    const capacity = String(data.get('capacity') ?? '').trim();
    if (!signerName) {
      this.errorPlace = 'signatories';
      this.error = t('signoff.nameTheSigningPerson');
      return;
    }
    const entries = this.currentEntries().map((entry) => (entry.officeId === officeId ? { ...entry, signerName, capacity } : entry));
    void this.saveEntries(entries).then((saved) => {
      if (saved) this.editingOfficeId = null;
    });
  };

  private async removeOffice(officeId: string): Promise<void> {
    const saved = await this.saveEntries(this.currentEntries().filter((entry) => entry.officeId !== officeId));
    if (saved) this.removingOfficeId = null;
  }

  private readonly onAddOfficeChange = (event: Event): void => {
    this.addOfficeId = (event.currentTarget as HTMLSelectElement).value;
  };

  private readonly onAddSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const officeId = String(data.get('officeId') ?? '');
    const signerName = String(data.get('signerName') ?? '').trim();
    const capacity = String(data.get('capacity') ?? '').trim();
    if (!officeId) {
      this.errorPlace = 'signatories';
      this.error = t('signoff.chooseAnOfficeToAdd');
      return;
    }
    if (!signerName) {
      this.errorPlace = 'signatories';
      this.error = t('signoff.nameTheSigningPerson');
      return;
    }
    void this.saveEntries([...this.currentEntries(), { officeId, signerName, capacity }]).then((saved) => {
      if (saved) {
        this.addOfficeId = '';
        form.reset();
      }
    });
  };

  /** Every paragraph still pending or stale for this office, as the editor shows it now. */
  private readonly readCandidates = (): ApprovalCandidate[] => {
    const officeId = this.myOfficeId;
    if (!officeId) return [];
    return this.readParagraphs().flatMap((paragraph): ApprovalCandidate[] => {
      const [state] = paragraphStates(this.letterState, [officeId], paragraph.id, paragraph.hash);
      return state === SignoffState.pending || state === SignoffState.stale ? [{ paragraph, state }] : [];
    });
  };

  /** Lists what "approve every pending paragraph" would approve, stale ones with their diff, and asks first (S12). */
  private openApproveAll(country: string): void {
    this.error = null;
    this.notice = null;
    if (this.readCandidates().length === 0) {
      this.notice = t('signoff.noParagraphIsPendingFor', { country: country });
      return;
    }
    void this.renderRoot.querySelector('jl-approve-all-dialog')?.open(this.readCandidates);
  }

  override render() {
    const finalSignatures = this.course?.finalSignatures ?? [];
    const isTextFrozen = isFrozen(this.status);
    const isReadOnly = isTextReadOnly(this.status);
    const mySignatory = this.signatories.find((signatory) => signatory.office.id === this.myOfficeId);
    const mySignatures = finalSignatures.filter((signature) => signature.officeId === this.myOfficeId);
    // A signature on text that has changed since does not cover what the page shows now.
    const hasMyOfficeSigned = mySignatures.length > 0 && mySignatures.some((signature) => signature.letterHash === this.shownLetterHash());
    const progress = this.readProgress();
    return html`
      <section aria-labelledby="course-heading">
        <h2 id="course-heading">${t('signoff.signatoryOffices')}</h2>
        ${isTextFrozen ? html`<p class="message notice">${t('signoff.theLetterIsSignedIts')}</p>` : null}
        ${isReadOnly && !isTextFrozen
          ? html`<p class="message notice">${t('signoff.theLetterIsReadyTo')}</p>`
          : null}
        ${this.renderOffices(progress)}
        ${progress
          ? html`<p class="overall">${t('signoff.ofParagraphSignOffsApproved', { approvedCells: progress.approvedCells, totalCells: progress.totalCells })}</p>`
          : null}
        <p><a href=${letterSignOffPath(this.letterId)}>${t('signoff.signOffOverviewOfAll')}</a></p>
        ${this.errorAt('signatories')}
        ${this.isCoordinator && !areSignatoriesFixed(this.status) ? this.renderAddOffice() : null}
        ${this.isApprover && mySignatory && !isReadOnly
          ? html`<button type="button" class="secondary" aria-haspopup="dialog" ?disabled=${this.isBusy} @click=${() => this.openApproveAll(mySignatory.office.country)}>
                ${t('signoff.approveEveryPendingParagraphFor', { country: mySignatory.office.country })}
              </button>
              <jl-approve-all-dialog .letterId=${this.letterId} .officeId=${mySignatory.office.id} .country=${mySignatory.office.country}></jl-approve-all-dialog>
              ${this.errorAt('approveAll')}`
          : null}
        ${this.isApprover && mySignatory && this.status === LetterStatus.ready && !hasMyOfficeSigned
          ? html`<button type="button" class="primary" ?disabled=${this.isBusy} @click=${() => void this.sign()}>
                ${t('signoff.signTheLetterFor', { country: mySignatory.office.country })}
              </button>
              ${this.errorAt('sign')}`
          : null}
        ${this.notice ? html`<p class="message notice" role="status">${this.notice}</p>` : null}
      </section>
    `;
  }

  /** The error, where it belongs: right after the control that caused it, announced. */
  private errorAt(place: ErrorPlace) {
    return this.error && this.errorPlace === place ? html`<p class="message error" role="alert">${this.error}</p>` : null;
  }

  /**
   * Where each office stands on the text as this page holds it now, derived from the letter state
   * (message 102) and every paragraph's current hash; null until the server's state and the text are in.
   */
  private readProgress(): SignoffProgress | null {
    const paragraphs = this.readParagraphs();
    if (!this.letterState.course || paragraphs.length === 0) return null;
    return deriveSignoffProgress(paragraphs, this.signatories.map((signatory) => signatory.office.id), this.letterState);
  }

  private renderOffices(progressNow: SignoffProgress | null) {
    const finalSignatures = this.course?.finalSignatures ?? [];
    const canReorder = this.isCoordinator && !areSignatoriesFixed(this.status);
    const last = this.signatories.length - 1;
    return html`<ol class="offices">
      ${this.signatories.map((signatory, index) => {
        const progress = progressNow?.offices.find((office) => office.officeId === signatory.office.id);
        const signature = finalSignatures.find((candidate) => candidate.officeId === signatory.office.id);
        return html`<li>
          <span class="office-name">${signatory.office.country}</span>
          <span class="office-en">${signatory.office.nameEn}</span>
          ${progress ? html`<span>${t('signoff.ofParagraphsApproved', { approved: progress.approved, of: progress.of })}</span>` : null}
          ${signature
            ? html`<span class="signed"><span aria-hidden="true">✓</span> ${t('signoff.signedBy', { by: signature.by, dateTime: formatUtcDateTime(signature.at) })}</span>`
            : null}
          ${canReorder && last > 0
            ? html`<span class="reorder">
                <button
                  type="button"
                  class="secondary small"
                  aria-label=${t('signoff.moveUp', { country: signatory.office.country })}
                  ?disabled=${this.isBusy || index === 0}
                  @click=${() => void this.reorder(index, -1)}
                >
                  <span aria-hidden="true">↑</span> ${t('signoff.up')}
                </button>
                <button
                  type="button"
                  class="secondary small"
                  aria-label=${t('signoff.moveDown', { country: signatory.office.country })}
                  ?disabled=${this.isBusy || index === last}
                  @click=${() => void this.reorder(index, 1)}
                >
                  <span aria-hidden="true">↓</span> ${t('signoff.down')}
                </button>
              </span>`
            : null}
          ${canReorder ? this.renderSignatoryActions(signatory) : null}
        </li>`;
      })}
    </ol>`;
  }

  private renderSignatoryActions(signatory: Signatory) {
    const { office } = signatory;
    if (this.editingOfficeId === office.id) {
      return html`<form class="edit" aria-label=${t('signoff.editTheSignatoryFor', { country: office.country })} @submit=${this.onEditSubmit}>
        <div class="field">
          <label for="signer-${office.id}">${t('signoff.signingPersonFor', { country: office.country })}</label>
          <input type="text" id="signer-${office.id}" name="signerName" .value=${signatory.signerName} required maxlength="200" />
        </div>
        <div class="field">
          <label for="capacity-${office.id}">${t('signoff.capacityLineFor', { country: office.country })}</label>
          <input type="text" id="capacity-${office.id}" name="capacity" .value=${signatory.capacity} maxlength="300" />
        </div>
        <div class="buttons">
          <button type="submit" class="primary small" ?disabled=${this.isBusy}>${t('signoff.save')}</button>
          <button type="button" class="secondary small" @click=${() => (this.editingOfficeId = null)}>${t('signoff.cancel')}</button>
        </div>
      </form>`;
    }
    if (this.removingOfficeId === office.id) {
      return html`<div class="confirm" role="group" aria-label=${t('signoff.remove', { country: office.country })}>
        <p>${t('signoff.removeFromTheSignatoryOffices', { country: office.country })}</p>
        <div class="buttons">
          <button type="button" class="primary small" ?disabled=${this.isBusy} @click=${() => void this.removeOffice(office.id)}>
            ${t('signoff.yesRemove', { country: office.country })}
          </button>
          <button type="button" class="secondary small" @click=${() => (this.removingOfficeId = null)}>${t('signoff.keep', { country: office.country })}</button>
        </div>
      </div>`;
    }
    return html`<span class="reorder">
      <button
        type="button"
        class="secondary small"
        aria-label=${t('signoff.editTheSignatoryFor', { country: office.country })}
        ?disabled=${this.isBusy}
        @click=${() => {
          this.removingOfficeId = null;
          this.editingOfficeId = office.id;
        }}
      >
        ${t('signoff.edit')}
      </button>
      <button
        type="button"
        class="secondary small"
        aria-label=${t('signoff.remove', { country: office.country })}
        ?disabled=${this.isBusy}
        @click=${() => {
          this.editingOfficeId = null;
          this.removingOfficeId = office.id;
        }}
      >
        ${t('signoff.remove2')}
      </button>
    </span>`;
  }

  private renderAddOffice() {
    const taken = new Set(this.signatories.map((signatory) => signatory.office.id));
    const available = (this.offices ?? []).filter((office) => !taken.has(office.id));
    if (available.length === 0) return null;
    const chosen = available.find((office) => office.id === this.addOfficeId);
    return html`<form class="add" aria-labelledby="add-office-heading" @submit=${this.onAddSubmit}>
      <h3 id="add-office-heading">${t('signoff.addASignatoryOffice')}</h3>
      <div class="field">
        <label for="add-office">${t('signoff.office')}</label>
        <select id="add-office" name="officeId" .value=${chosen?.id ?? ''} @change=${this.onAddOfficeChange}>
          <option value="" ?selected=${!chosen}>${t('signoff.chooseAnOffice')}</option>
          ${available.map(
            (office) => html`<option value=${office.id} ?selected=${office.id === chosen?.id}>${office.country}: ${office.nameEn}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="add-signer">${t('signoff.signingPerson')}</label>
        <input type="text" id="add-signer" name="signerName" .value=${chosen?.ministerName ?? ''} maxlength="200" />
      </div>
      <div class="field">
        <label for="add-capacity">${t('signoff.capacityLine')}</label>
        <input type="text" id="add-capacity" name="capacity" .value=${chosen?.ministerTitle ?? ''} maxlength="300" />
      </div>
      <div class="buttons">
        <button type="submit" class="secondary" ?disabled=${this.isBusy || !chosen}>${t('signoff.addTheOffice')}</button>
      </div>
    </form>`;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
    noticeStyles,
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
      .offices {
        margin: 0 0 0.5rem;
        padding-inline-start: 1.25rem;
        display: grid;
        gap: 0.375rem;
      }
      .offices li > span {
        display: block;
      }
      .office-name {
        font-weight: 600;
      }
      .reorder {
        display: flex !important;
        gap: 0.375rem;
        margin-top: 0.25rem;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .edit,
      .confirm {
        margin-top: 0.25rem;
      }
      .confirm p {
        margin: 0 0 0.25rem;
      }
      .small {
        font-size: 0.875rem;
        padding: 0.125rem 0.5rem;
      }
      .office-en {
        color: var(--jl-text-muted);
        font-size: 0.875rem;
      }
      .signed {
        color: var(--jl-success);
      }
      .overall {
        margin: 0 0 0.5rem;
        color: var(--jl-text-muted);
      }
      a {
        color: var(--jl-accent);
      }
      form {
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      .message {
        margin: 0.5rem 0 0;
      }
    `,
  ];
}


customElements.define('jl-letter-course', JlLetterCourse);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-course': JlLetterCourse;
  }
}
