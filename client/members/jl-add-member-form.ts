import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Member } from '../../shared/api/members.js';
import { type SessionUser, workspacePersonOf } from '../../shared/api/session.js';
import { assignableRoles } from '../../shared/domain/permissions.js';
import { Role } from '../../shared/domain/roles.js';
import { describeError } from '../api/api-error.js';
import { loadPeople, type Person, setMemberRoles } from '../api/members-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { MembersChangedEvent } from './members-changed-event.js';
import { readRoleChoices, renderRoleChoices, roleChoicesStyles } from './render-role-choices.js';
import { describeRoles } from './role-labels.js';

/** Adds someone who has an account already to the letter, with the roles the coordinator picks. */
export class JlAddMemberForm extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    members: { attribute: false },
    user: { attribute: false },
    letterRoles: { attribute: false },
    chosenUserId: { state: true },
    people: { state: true },
    error: { state: true },
    personError: { state: true },
    added: { state: true },
    isSubmitting: { state: true },
  };

  declare letterId: string;
  declare members: Member[];
  declare user: SessionUser | undefined;
  /** The signed-in person's own roles on the letter. */
  declare letterRoles: readonly Role[];
  declare private chosenUserId: string;
  declare private people: Person[] | undefined;
  declare private error: string | null;
  declare private personError: string | null;
  declare private added: string;
  declare private isSubmitting: boolean;

  constructor() {
    super();
    this.letterId = '';
    this.members = [];
    this.user = undefined;
    this.letterRoles = [];
    this.chosenUserId = '';
    this.people = undefined;
    this.error = null;
    this.personError = null;
    this.added = '';
    this.isSubmitting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.people = await loadPeople();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const userId = String(data.get('userId') ?? '');
    const chosen = readRoleChoices(data);
    this.error = null;
    this.added = '';
    this.personError = userId ? null : t('members.chooseThePersonToAdd');
    if (!userId) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    if (chosen.length === 0) {
      this.error = t('members.chooseAtLeastOneRole');
      return;
    }
    this.isSubmitting = true;
    try {
      const members = await setMemberRoles(this.letterId, userId, chosen);
      const person = this.people?.find((candidate) => candidate.userId === userId);
      this.added = t('members.personAdded', { name: person?.name ?? t('members.thePerson'), roles: describeRoles(chosen).toLowerCase() });
      form.reset();
      this.chosenUserId = '';
      this.dispatchEvent(new MembersChangedEvent(members));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  override render() {
    const memberIds = new Set(this.members.map((member) => member.userId));
    const officeId = this.people?.find((person) => person.userId === this.chosenUserId)?.office.id ?? '';
    // Approvers are appointed by their office's administrator: only what this person may give can be ticked.
    const assignable = this.user ? assignableRoles(workspacePersonOf(this.user), this.letterRoles, officeId) : [];
    const preferred = [Role.drafter, Role.approver].filter((role) => assignable.includes(role));
    const preselected = preferred.length > 0 ? preferred : assignable.slice(0, 1);
    const candidates = (this.people ?? [])
      .filter((person) => !memberIds.has(person.userId))
      .sort((a, b) => a.office.country.localeCompare(b.office.country) || a.name.localeCompare(b.name));
    return html`
      <form novalidate aria-labelledby="add-member-heading" @submit=${this.submit}>
        <h3 id="add-member-heading">${t('members.addAPerson')}</h3>
        ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
        <div class="field">
          <label for="add-member-person">${t('members.person')}</label>
          ${this.personError
            ? html`<p class="field-error" id="add-member-person-error"><span aria-hidden="true">⚠</span> ${this.personError}</p>`
            : nothing}
          <select
            id="add-member-person"
            name="userId"
            aria-invalid=${this.personError ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.personError ? 'add-member-person-error' : undefined)}
            ?disabled=${!this.people}
            @change=${(event: Event) => (this.chosenUserId = (event.target as HTMLSelectElement).value)}
          >
            <option value="">${this.people ? (candidates.length > 0 ? t('members.chooseAPerson') : t('members.everyoneIsAMemberAlready')) : t('members.loadingPeople')}</option>
            ${candidates.map(
              (person) => html`<option value=${person.userId}>${person.name} (${person.office.nameEn}, ${person.office.country})</option>`,
            )}
          </select>
        </div>
        ${renderRoleChoices({ legend: t('members.roles'), idPrefix: 'add-member-role', selected: preselected, assignable })}
        <button class="secondary" type="submit" ?disabled=${this.isSubmitting || !this.people}>
          ${this.isSubmitting ? t('members.adding') : t('members.addToTheLetter')}
        </button>
        <p class="done" role="status">${this.added}</p>
      </form>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    formStyles,
    visuallyHiddenStyles,
    roleChoicesStyles,
    css`
      :host {
        display: block;
      }
      form {
        gap: 0.875rem;
      }
      h3 {
        font-size: 1.0625rem;
        margin: 0;
      }
      .done {
        margin: 0;
        font-weight: 600;
        color: var(--jl-success);
      }
    `,
  ];
}

customElements.define('jl-add-member-form', JlAddMemberForm);

declare global {
  interface HTMLElementTagNameMap {
    'jl-add-member-form': JlAddMemberForm;
  }
}
