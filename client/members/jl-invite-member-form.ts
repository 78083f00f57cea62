import { describeSchemaIssue } from '../i18n/describe-schema-issue.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { inviteToLetterRequestSchema } from '../../shared/api/members.js';
import type { Office } from '../../shared/api/offices.js';
import { type SessionUser, workspacePersonOf } from '../../shared/api/session.js';
import { assignableRoles } from '../../shared/domain/permissions.js';
import { Role } from '../../shared/domain/roles.js';
import { describeError } from '../api/api-error.js';
import { inviteToLetter } from '../api/members-api.js';
import { loadOffices } from '../api/offices-api.js';
import '../invitations/jl-invitation-link.js';
import type { JlInvitationLink } from '../invitations/jl-invitation-link.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { MembersChangedEvent } from './members-changed-event.js';
import { readRoleChoices, renderRoleChoices, roleChoicesStyles } from './render-role-choices.js';

type Field = 'name' | 'email' | 'officeId' | 'roles';

/**
 * "Invite someone new": creates the person's account and membership, and shows the one-time link
 * the coordinator hands over (Jointly sends no e-mail). Only the roles this person may give to
 * people of the chosen office can be ticked: approvers are appointed by their office's administrator.
 */
export class JlInviteMemberForm extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    user: { attribute: false },
    letterRoles: { attribute: false },
    officeId: { state: true },
    offices: { state: true },
    errors: { state: true },
    formError: { state: true },
    isSubmitting: { state: true },
    invitation: { state: true },
  };

  declare letterId: string;
  declare user: SessionUser | undefined;
  /** The signed-in person's own roles on the letter. */
  declare letterRoles: readonly Role[];
  declare private officeId: string;
  declare private offices: Office[] | undefined;
  declare private errors: Partial<Record<Field, string>>;
  declare private formError: string | null;
  declare private isSubmitting: boolean;
  declare private invitation: { name: string; url: string; expiresAt: string; mailedTo: string | null; office: Office } | null;

  constructor() {
    super();
    this.letterId = '';
    this.user = undefined;
    this.letterRoles = [];
    this.officeId = '';
    this.offices = undefined;
    this.errors = {};
    this.formError = null;
    this.isSubmitting = false;
    this.invitation = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.offices = await loadOffices();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const officeId = String(data.get('officeId') ?? '');
    const chosen = readRoleChoices(data);
    const errors: Partial<Record<Field, string>> = {};
    const nameCheck = inviteToLetterRequestSchema.shape.name.safeParse(name);
    if (!name) errors.name = t('members.enterThePersonSName');
    else if (!nameCheck.success && nameCheck.error.issues[0]) errors.name = describeSchemaIssue(nameCheck.error.issues[0]);
    if (!inviteToLetterRequestSchema.shape.email.safeParse(email).success) errors.email = t('members.enterAnEMailAddress');
    if (!officeId) errors.officeId = t('members.chooseThePersonSOffice');
    if (chosen.length === 0) errors.roles = t('members.chooseAtLeastOneRole');
    this.errors = errors;
    this.formError = null;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .role-choices input')?.focus();
      return;
    }
    this.isSubmitting = true;
    try {
      const { invitationUrl, expiresAt, mailedTo, office, members } = await inviteToLetter(this.letterId, { name, email, officeId, roles: chosen });
      this.invitation = { name, url: invitationUrl, expiresAt, mailedTo, office };
      form.reset();
      this.officeId = '';
      this.dispatchEvent(new MembersChangedEvent(members));
      await this.updateComplete;
      this.renderRoot.querySelector<JlInvitationLink>('jl-invitation-link')?.focus();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  override render() {
    const { errors } = this;
    const describedBy = (field: Field) => ifDefined(errors[field] ? `invite-${field}-error` : undefined);
    const canAppoint = this.assignable().includes(Role.approver);
    const rolesDescribedBy = [errors.roles ? 'invite-roles-error' : '', canAppoint ? '' : 'invite-roles-hint'].filter(Boolean).join(' ');
    return html`
      <form novalidate aria-labelledby="invite-heading" @submit=${this.submit}>
        <h3 id="invite-heading">${t('members.inviteSomeoneNew')}</h3>
        <p class="hint">${t('members.forSomeoneWithoutAnAccount')}</p>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <div class="field">
          <label for="invite-name">${t('members.name')}</label>
          ${this.renderError('name')}
          <input id="invite-name" name="name" type="text" autocomplete="off" aria-required="true"
            aria-invalid=${errors.name ? 'true' : 'false'} aria-describedby=${describedBy('name')} />
        </div>
        <div class="field">
          <label for="invite-email">${t('members.eMailAddress')}</label>
          ${this.renderError('email')}
          <input id="invite-email" name="email" type="email" autocomplete="off" spellcheck="false" aria-required="true"
            aria-invalid=${errors.email ? 'true' : 'false'} aria-describedby=${describedBy('email')} />
        </div>
        <div class="field">
          <label for="invite-office">${t('members.office')}</label>
          ${this.renderError('officeId')}
          <select id="invite-office" name="officeId" aria-required="true" ?disabled=${!this.offices}
            @change=${(event: Event) => (this.officeId = (event.target as HTMLSelectElement).value)}
            aria-invalid=${errors.officeId ? 'true' : 'false'} aria-describedby=${describedBy('officeId')}>
            <option value="">${this.offices ? t('members.chooseAnOffice') : t('members.loadingOffices')}</option>
            ${(this.offices ?? []).map((office) => html`<option value=${office.id}>${office.country}: ${office.nameEn}</option>`)}
          </select>
        </div>
        ${this.renderError('roles')}
        ${renderRoleChoices({
          legend: t('members.roles'),
          idPrefix: 'invite-role',
          selected: this.preselected(),
          assignable: this.assignable(),
          ...(rolesDescribedBy ? { describedBy: rolesDescribedBy } : {}),
        })}
        ${canAppoint
          ? nothing
          : html`<p class="hint" id="invite-roles-hint">${t('members.onlyTheWorkspaceAdministratorOr')}</p>`}
        <button class="secondary" type="submit" ?disabled=${this.isSubmitting}>
          ${this.isSubmitting ? t('members.creatingTheLink') : t('members.createInvitationLink')}
        </button>
      </form>
      ${this.invitation
        ? html`<p class="joins">${t('members.joinsAsAPersonOf', { name: this.invitation.name, nameEn: this.invitation.office.nameEn, country: this.invitation.office.country })}</p>
          <jl-invitation-link
            .url=${this.invitation.url}
            .personName=${this.invitation.name}
            .expiresAt=${this.invitation.expiresAt}
            .mailedTo=${this.invitation.mailedTo}
          ></jl-invitation-link>`
        : nothing}
    `;
  }

  /** What may be ticked for someone of the chosen office (another office while none is chosen). */
  private assignable(): Role[] {
    return this.user ? assignableRoles(workspacePersonOf(this.user), this.letterRoles, this.officeId) : [];
  }

  private preselected(): Role[] {
    const assignable = this.assignable();
    const preferred = [Role.drafter, Role.approver].filter((role) => assignable.includes(role));
    return preferred.length > 0 ? preferred : assignable.slice(0, 1);
  }

  private renderError(field: Field) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`invite-${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
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
      .joins {
        margin: 1rem 0 0;
      }
      jl-invitation-link {
        margin-top: 0.5rem;
      }
    `,
  ];
}

customElements.define('jl-invite-member-form', JlInviteMemberForm);

declare global {
  interface HTMLElementTagNameMap {
    'jl-invite-member-form': JlInviteMemberForm;
  }
}
