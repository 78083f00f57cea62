import { describeSchemaIssue } from '../i18n/describe-schema-issue.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type Account, createUserRequestSchema, type InvitationLinkResponse } from '../../shared/api/accounts.js';
import type { Office } from '../../shared/api/offices.js';
import type { SessionUser } from '../../shared/api/session.js';
import { describeError } from '../api/api-error.js';
import { createAccount, loadAccounts, renewInvitation, setOfficeAdmin } from '../api/admin-api.js';
import '../invitations/jl-invitation-link.js';
import type { JlInvitationLink } from '../invitations/jl-invitation-link.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, formStyles, messageStyles, tableStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';

type Field = 'name' | 'email' | 'officeId';

/**
 * The workspace's people, whether each has set a password yet, and the form to add someone. The
 * workspace administrator makes people administrators of their own office here; an office
 * administrator sees and adds the people of their own office only.
 */
export class JlPeopleAdmin extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    offices: { attribute: false },
    user: { attribute: false },
    accounts: { state: true },
    status: { state: true },
    changingUserId: { state: true },
    loadError: { state: true },
    errors: { state: true },
    formError: { state: true },
    isSubmitting: { state: true },
    link: { state: true },
    renewingUserId: { state: true },
  };

  declare offices: Office[];
  declare user: SessionUser | undefined;
  declare private accounts: Account[] | undefined;
  declare private status: string;
  declare private changingUserId: string | null;
  declare private loadError: string | null;
  declare private errors: Partial<Record<Field, string>>;
  declare private formError: string | null;
  declare private isSubmitting: boolean;
  /** The invitation link made last, for the administrator to copy. */
  declare private link: InvitationLinkResponse | null;
  declare private renewingUserId: string | null;

  constructor() {
    super();
    this.offices = [];
    this.user = undefined;
    this.accounts = undefined;
    this.status = '';
    this.changingUserId = null;
    this.loadError = null;
    this.errors = {};
    this.formError = null;
    this.isSubmitting = false;
    this.link = null;
    this.renewingUserId = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.accounts = await loadAccounts();
      this.loadError = null;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    }
  }

  private async showLink(link: InvitationLinkResponse): Promise<void> {
    this.link = link;
    await this.updateComplete;
    this.renderRoot.querySelector<JlInvitationLink>('jl-invitation-link')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const officeId = String(data.get('officeId') ?? '');
    const errors: Partial<Record<Field, string>> = {};
    const nameCheck = createUserRequestSchema.shape.name.safeParse(name);
    if (!name) errors.name = t('admin.enterThePersonSName');
    else if (!nameCheck.success && nameCheck.error.issues[0]) errors.name = describeSchemaIssue(nameCheck.error.issues[0]);
    if (!createUserRequestSchema.shape.email.safeParse(email).success) errors.email = t('admin.enterAnEMailAddress');
    if (!officeId) errors.officeId = t('admin.chooseThePersonSOffice');
    this.errors = errors;
    this.formError = null;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
      return;
    }
    this.isSubmitting = true;
    try {
      const link = await createAccount({ name, email, officeId, isAdmin: data.get('isAdmin') === 'on' });
      this.accounts = [...(this.accounts ?? []), link.user];
      form.reset();
      await this.showLink(link);
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  private async renew(account: Account): Promise<void> {
    if (this.renewingUserId) return;
    this.renewingUserId = account.id;
    this.loadError = null;
    try {
      await this.showLink(await renewInvitation(account.id));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    } finally {
      this.renewingUserId = null;
    }
  }

  private async toggleOfficeAdmin(account: Account): Promise<void> {
    if (this.changingUserId) return;
    this.changingUserId = account.id;
    this.loadError = null;
    try {
      const changed = await setOfficeAdmin(account.id, !account.isOfficeAdmin);
      this.accounts = (this.accounts ?? []).map((listed) => (listed.id === changed.id ? changed : listed));
      const office = this.offices.find((candidate) => candidate.id === changed.officeId)?.nameEn ?? changed.officeId;
      this.status = changed.isOfficeAdmin
        ? t('admin.isNowAnAdministratorOf', { name: changed.name, office: office })
        : t('admin.isNoLongerAnAdministrator', { name: changed.name, office: office });
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    } finally {
      this.changingUserId = null;
    }
  }

  /** The offices this person may add people to: every one for the workspace administrator, else their own. */
  private get ownOffices(): Office[] {
    if (this.user?.isAdmin) return this.offices;
    return this.offices.filter((office) => office.id === this.user?.office.id);
  }

  override render() {
    return html`
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">${t('admin.people')}</h2>
        ${this.loadError ? html`<p class="message error" role="alert">${this.loadError}</p>` : nothing}
        <p class="status" role="status">${this.status}</p>
        ${this.renderPeople()}
        ${this.link
          ? html`<jl-invitation-link
              .url=${this.link.invitationUrl}
              .personName=${this.link.user.name}
              .expiresAt=${this.link.expiresAt}
              .mailedTo=${this.link.mailedTo}
            ></jl-invitation-link>`
          : nothing}
        <h3 id="add-person">${t('admin.addAPerson')}</h3>
        ${this.renderForm()}
      </section>
    `;
  }

  private renderPeople() {
    if (!this.accounts) return html`<p>${t('admin.loadingPeople')}</p>`;
    const officeName = new Map(this.offices.map((office) => [office.id, `${office.nameEn}, ${office.country}`]));
    return html`
      <div class="table-scroll">
        <table aria-labelledby="people-heading">
          <thead>
            <tr>
              <th scope="col">${t('admin.name')}</th><th scope="col">${t('admin.office')}</th><th scope="col">${t('admin.status')}</th><th scope="col">${t('admin.invitation')}</th>
              ${this.user?.isAdmin ? html`<th scope="col">${t('admin.officeAdministrator')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${this.accounts.map(
              (account) => html`<tr>
                <th scope="row">
                  ${account.name}<span class="secondary-line">${account.email}</span>
                </th>
                <td>
                  ${officeName.get(account.officeId) ?? account.officeId}
                  ${account.isAdmin ? html`<span class="secondary-line">${t('admin.administrator')}</span>` : nothing}
                  ${account.isOfficeAdmin ? html`<span class="secondary-line">${t('admin.officeAdministrator')}</span>` : nothing}
                  ${account.isGuest ? html`<span class="secondary-line">${t('admin.guestNotAnApproverUntil')}</span>` : nothing}
                </td>
                <td>${account.isActive ? t('admin.active') : html`<span class="pending">${t('admin.invitationPending')}</span>`}</td>
                <td>
                  ${account.isActive
                    ? nothing
                    : html`<button
                        type="button"
                        class="secondary small"
                        ?disabled=${this.renewingUserId !== null}
                        @click=${() => this.renew(account)}
                      >
                        ${t('admin.newLink')}<span class="visually-hidden"> ${t('admin.for', { name: account.name })}</span>
                      </button>`}
                </td>
                ${this.user?.isAdmin
                  ? html`<td>
                      <button
                        type="button"
                        class="secondary small"
                        aria-pressed=${account.isOfficeAdmin ? 'true' : 'false'}
                        ?disabled=${this.changingUserId !== null}
                        @click=${() => this.toggleOfficeAdmin(account)}
                      >
                        ${t('admin.officeAdministrator')}<span class="visually-hidden"> (${account.name})</span>
                      </button>
                    </td>`
                  : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderForm() {
    const { errors } = this;
    const describedBy = (field: Field) => ifDefined(errors[field] ? `person-${field}-error` : undefined);
    return html`
      <form novalidate aria-labelledby="add-person" @submit=${this.submit}>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <div class="field">
          <label for="person-name">${t('admin.name')}</label>
          ${this.renderError('name')}
          <input id="person-name" name="name" type="text" autocomplete="off" aria-required="true"
            aria-invalid=${errors.name ? 'true' : 'false'} aria-describedby=${describedBy('name')} />
        </div>
        <div class="field">
          <label for="person-email">${t('admin.eMailAddress')}</label>
          ${this.renderError('email')}
          <input id="person-email" name="email" type="email" autocomplete="off" spellcheck="false" aria-required="true"
            aria-invalid=${errors.email ? 'true' : 'false'} aria-describedby=${describedBy('email')} />
        </div>
        <div class="field">
          <label for="person-office">${t('admin.office')}</label>
          ${this.renderError('officeId')}
          <select id="person-office" name="officeId" aria-required="true"
            aria-invalid=${errors.officeId ? 'true' : 'false'} aria-describedby=${describedBy('officeId')}>
            <option value="">${t('admin.chooseAnOffice')}</option>
            ${this.ownOffices.map((office) => html`<option value=${office.id}>${office.country}: ${office.nameEn}</option>`)}
          </select>
        </div>
        ${this.user?.isAdmin
          ? html`<div class="checkbox">
              <input id="person-admin" name="isAdmin" type="checkbox" aria-describedby="person-admin-hint" />
              <label for="person-admin">${t('admin.workspaceAdministrator')}</label>
              <p class="hint" id="person-admin-hint">${t('admin.administratorsManageOfficesAndPeople')}</p>
            </div>`
          : nothing}
        <button class="primary" type="submit" ?disabled=${this.isSubmitting}>
          ${this.isSubmitting ? t('admin.adding') : t('admin.addPersonAndCreateInvitation')}
        </button>
      </form>
    `;
  }

  private renderError(field: Field) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`person-${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    formStyles,
    tableStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.375rem;
        margin: 0 0 0.75rem;
      }
      h3 {
        font-size: 1.125rem;
        margin: 2rem 0 0.75rem;
      }
      th[scope='row'] {
        font-weight: 600;
        background: none;
        font-size: 1rem;
      }
      .pending {
        font-weight: 600;
        color: var(--jl-warning);
      }
      .small {
        font-size: 0.9375rem;
        padding: 0.25rem 0.625rem;
        white-space: nowrap;
      }
      jl-invitation-link {
        margin-top: 1rem;
      }
      form {
        padding: 1.25rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      .checkbox {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        gap: 0.25rem 0.5rem;
      }
      .checkbox .hint {
        grid-column: 2;
      }
    `,
  ];
}

customElements.define('jl-people-admin', JlPeopleAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'jl-people-admin': JlPeopleAdmin;
  }
}
