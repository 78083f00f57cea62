import { t } from '../i18n/translate.js';
import { ApiError, describeError } from '../api/api-error.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { LetterDeadlines } from '../../shared/api/notifications.js';
import { timeLeftText } from './time-left-text.js';
import { loadDeadlines, remindOffices, saveDeadlines } from '../api/notifications-api.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { fromLocalInput, toLocalInput } from './local-date-time.js';
import { formatList } from '../i18n/format-list.js';

/**
 * The letter's deadlines (rules N3–N5): time left and late offices for everyone; for the
 * coordinator, the deadlines to set and a reminder for offices the letter waits for.
 * `compact` shows one line (the sign-off grid).
 */
export class JlLetterDeadlines extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: {},
    isCoordinator: { type: Boolean },
    compact: { type: Boolean },
    /** Any value that changes when sign-offs change: the offices' standing is read again. */
    progressKey: { attribute: false },
    deadlines: { state: true },
    status: { state: true },
    now: { state: true },
  };

  declare letterId: string;
  declare isCoordinator: boolean;
  declare compact: boolean;
  declare progressKey: unknown;
  declare private deadlines: LetterDeadlines | null;
  declare private status: string;
  declare private now: number;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private tickTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    this.letterId = '';
    this.isCoordinator = false;
    this.compact = false;
    this.deadlines = null;
    this.status = '';
    this.now = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.tickTimer) clearTimeout(this.tickTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.reload();
    else if (changed.has('progressKey') && !this.reloadTimer) {
      // Sign-offs come in bursts: read the standing once they settle.
      this.reloadTimer = setTimeout(() => {
        this.reloadTimer = null;
        void this.reload();
      }, 1000);
    }
  }

  private async reload(): Promise<void> {
    if (!this.letterId) return;
    try {
      this.deadlines = await loadDeadlines(this.letterId);
      this.now = Date.now();
      this.scheduleTick();
    } catch (error) {
      this.status = error instanceof ApiError ? describeError(error) : t('notifications.couldNotLoadTheDeadlines');
    }
  }

  /** Time left is shown in minutes at best: re-render each minute, and the moment a deadline passes. */
  private scheduleTick(): void {
    if (this.tickTimer) clearTimeout(this.tickTimer);
    const upcoming = (this.deadlines?.offices ?? []).flatMap((o) => (o.dueAt && Date.parse(o.dueAt) > Date.now() ? [Date.parse(o.dueAt) - Date.now()] : []));
    const wait = Math.min(60_000, ...upcoming.map((ms) => ms + 50));
    this.tickTimer = setTimeout(() => {
      this.now = Date.now();
      void this.reload();
    }, wait);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const deadlines = [
      ...(value('letter-wide') ? [{ officeId: null, dueAt: fromLocalInput(value('letter-wide')) }] : []),
      ...(this.deadlines?.offices ?? []).flatMap((o) => (value(`office-${o.officeId}`) ? [{ officeId: o.officeId, dueAt: fromLocalInput(value(`office-${o.officeId}`)) }] : [])),
    ];
    try {
      this.deadlines = await saveDeadlines(this.letterId, { deadlines });
      this.now = Date.now();
      this.scheduleTick();
      this.status = t('notifications.deadlinesSaved');
    } catch (error) {
      this.status = error instanceof ApiError ? describeError(error) : t('notifications.couldNotSaveTheDeadlines');
    }
  }

  private async remind(officeIds: string[] | null): Promise<void> {
    try {
      const { reminded } = await remindOffices(this.letterId, officeIds ? { officeIds } : {});
      const names = formatList(reminded.map((r) => this.nameOf(r.officeId)));
      const people = reminded.reduce((sum, r) => sum + r.recipients, 0);
      this.status = t('notifications.reminderSent', { names, count: people });
      await this.reload();
    } catch (error) {
      this.status = error instanceof ApiError ? describeError(error) : t('notifications.couldNotSendTheReminder');
    }
  }

  private nameOf(officeId: string): string {
    return this.deadlines?.offices.find((o) => o.officeId === officeId)?.name ?? officeId;
  }

  override render() {
    if (!this.deadlines) return this.compact ? null : html`<p role="status">${this.status}</p>`;
    const letterWide = this.deadlines.deadlines.find((d) => d.officeId === null) ?? null;
    const late = this.deadlines.offices.filter((o) => o.isOutstanding && o.dueAt && Date.parse(o.dueAt) <= this.now);
    const line = html`<p class="line">
      ${letterWide ? html`${t('notifications.deadline', { dateTime: formatDateTime(letterWide.dueAt), timeLeft: timeLeftText(Date.parse(letterWide.dueAt) - this.now) })}` : this.deadlines.deadlines.length > 0 ? t('notifications.deadlinesAreSetPerOffice') : t('notifications.noDeadlineSet')}
      ${late.length > 0 ? html`<strong class="late">${t('notifications.late', { join: formatList(late.map((o) => o.name)) })}</strong>` : null}
    </p>`;
    if (this.compact) return html`<section aria-label=${t('notifications.deadline2')}>${line}</section>`;
    return html`<section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">${t('notifications.deadline2')}</h2>
      ${line}
      <ul aria-label=${t('notifications.officesAndTheirDeadlines')}>
        ${this.deadlines.offices.map((o) => this.renderOffice(o))}
      </ul>
      ${this.isCoordinator && late.length > 0 ? html`<button type="button" class="primary" @click=${() => this.remind(null)}>${t('notifications.remindLateOffices')}</button>` : null}
      ${this.isCoordinator ? this.renderForm() : null}
      <p role="status" class="status">${this.status}</p>
    </section>`;
  }

  private renderOffice(office: LetterDeadlines['offices'][number]) {
    const state = !office.isOutstanding
      ? 'done'
      : office.dueAt === null
        ? t('notifications.noDeadline')
        : Date.parse(office.dueAt) <= this.now
          ? t('notifications.late2', { timeLeft: timeLeftText(Date.parse(office.dueAt) - this.now) })
          : timeLeftText(Date.parse(office.dueAt) - this.now);
    const canRemind = this.isCoordinator && office.isOutstanding;
    return html`<li>
      <span>${office.name}: ${state}</span>
      ${canRemind && office.nextReminderAt
        ? html`<span class="note">${t('notifications.remindedAgainFrom', { dateTime: formatDateTime(office.nextReminderAt) })}</span>`
        : canRemind
          ? html`<button type="button" class="secondary small" @click=${() => this.remind([office.officeId])}>${t('notifications.remind')}<span class="visually-hidden"> ${office.name}</span></button>`
          : null}
    </li>`;
  }

  private renderForm() {
    const current = (officeId: string | null) => this.deadlines?.deadlines.find((d) => d.officeId === officeId)?.dueAt;
    return html`<details>
      <summary>${t('notifications.setDeadlines')}</summary>
      <form @submit=${(event: SubmitEvent) => this.save(event)}>
        <label>${t('notifications.deadlineForEveryOffice')} <input type="datetime-local" step="1" name="letter-wide" .value=${toLocalInput(current(null))} /></label>
        ${this.deadlines?.offices.map(
          (o) => html`<label>${t('notifications.deadlineFor', { name: o.name })} <input type="datetime-local" step="1" name=${`office-${o.officeId}`} .value=${toLocalInput(current(o.officeId))} /></label>`,
        )}
        <button type="submit" class="primary">${t('notifications.saveDeadlines')}</button>
      </form>
    </details>`;
  }

  static override styles = [
    buttonStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.125rem;
        margin: 1.5rem 0 0.5rem;
      }
      .line {
        margin: 0 0 0.5rem;
      }
      .late {
        color: var(--jl-danger);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.25rem 0;
      }
      .small {
        padding: 0.25rem 0.625rem;
        font-size: 0.875rem;
      }
      .note {
        font-size: 0.875rem;
        color: var(--jl-text-muted);
      }
      form {
        display: grid;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      label {
        display: grid;
        gap: 0.125rem;
      }
      input {
        font: inherit;
        padding: 0.25rem;
      }
      input:focus-visible,
      summary:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      summary {
        cursor: pointer;
      }
      .status {
        min-height: 1.25rem;
      }
    `,
  ];
}

customElements.define('jl-letter-deadlines', JlLetterDeadlines);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-deadlines': JlLetterDeadlines;
  }
}
