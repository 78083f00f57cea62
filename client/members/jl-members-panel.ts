import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Member } from '../../shared/api/members.js';
import { type SessionUser, workspacePersonOf } from '../../shared/api/session.js';
import { assignableRoles, mayChangeMembersOf } from '../../shared/domain/permissions.js';
import { type Role, roles } from '../../shared/domain/roles.js';
import { describeError } from '../api/api-error.js';
import { loadMembers, removeMember, setMemberRoles } from '../api/members-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import './jl-add-member-form.js';
import './jl-invite-member-form.js';
import { MembersChangedEvent } from './members-changed-event.js';
import { membersPanelStyles } from './members-panel-styles.js';
import { renderRoleChoices, roleChoicesStyles } from './render-role-choices.js';
import { describeRoles, roleDescription, roleGroupLabel } from './role-labels.js';

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/**
 * Who is on the letter, with which office and roles. Coordinators change roles, remove members,
 * add people who have an account and invite new ones; an office administrator appoints their own
 * office's approvers; everyone else reads the list. Only roles the person may give can be ticked.
 */
export class JlMembersPanel extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    user: { attribute: false },
    canManage: { attribute: false },
    letterRoles: { attribute: false },
    members: { state: true },
    drafts: { state: true },
    busyUserId: { state: true },
    confirmingRemovalOf: { state: true },
    status: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  declare user: SessionUser | undefined;
  declare canManage: boolean;
  /** The signed-in person's own roles on the letter. */
  declare letterRoles: readonly Role[];
  declare private members: Member[] | undefined;
  /** Roles ticked but not saved yet, per member. */
  declare private drafts: ReadonlyMap<string, readonly Role[]>;
  declare private busyUserId: string | null;
  declare private confirmingRemovalOf: string | null;
  declare private status: string;
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.user = undefined;
    this.canManage = false;
    this.letterRoles = [];
    this.members = undefined;
    this.drafts = new Map();
    this.busyUserId = null;
    this.confirmingRemovalOf = null;
    this.status = '';
    this.error = null;
    // The forms inside report the new list; the letter page hears it too.
    this.addEventListener(MembersChangedEvent.eventName, (event) => {
      this.members = event.members;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.members = await loadMembers(this.letterId);
      this.error = null;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
    }
  }

  /** Coordinators, and the workspace administrator, manage the letter's members. */
  private get managesLetter(): boolean {
    return this.canManage || Boolean(this.user?.isAdmin);
  }

  /** Coordinators and the workspace administrator for anyone; an office administrator for their own people. */
  private mayChange(member: Member): boolean {
    return this.user !== undefined && mayChangeMembersOf(workspacePersonOf(this.user), this.letterRoles, member.office.id);
  }

  /** What may be ticked or unticked for this member: what one may give, and for a manager what they hold. */
  private changeableRoles(member: Member): Role[] {
    if (!this.user) return [];
    const assignable = assignableRoles(workspacePersonOf(this.user), this.letterRoles, member.office.id);
    return roles.filter((role) => assignable.includes(role) || (this.managesLetter && member.roles.includes(role)));
  }

  private rolesShown(member: Member): readonly Role[] {
    return this.drafts.get(member.userId) ?? member.roles;
  }

  private toggle(member: Member, role: Role, checked: boolean): void {
    const current = this.rolesShown(member);
    const next = checked ? [...current, role] : current.filter((held) => held !== role);
    const drafts = new Map(this.drafts);
    if (sameRoles(next, member.roles)) drafts.delete(member.userId);
    else drafts.set(member.userId, next);
    this.drafts = drafts;
  }

  private async run(member: Member, action: () => Promise<Member[]>, done: string): Promise<boolean> {
    if (this.busyUserId) return false;
    this.busyUserId = member.userId;
    this.error = null;
    this.status = '';
    try {
      const members = await action();
      const drafts = new Map(this.drafts);
      drafts.delete(member.userId);
      this.drafts = drafts;
      this.status = done;
      // Bubbles from here to the letter page; this element's own listener updates the list.
      this.dispatchEvent(new MembersChangedEvent(members));
      return true;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return false;
      this.error = describeError(error);
      return false;
    } finally {
      this.busyUserId = null;
    }
  }

  private async saveRoles(member: Member): Promise<void> {
    const next = roles.filter((role) => this.rolesShown(member).includes(role));
    if (next.length === 0) {
      this.status = '';
      this.error = t('members.giveAtLeastOneRole', { name: member.name });
      return;
    }
    await this.run(member, () => setMemberRoles(this.letterId, member.userId, next), t('members.rolesOfSaved', { name: member.name, lowerCase: describeRoles(next).toLowerCase() }));
  }

  private async askToRemove(member: Member): Promise<void> {
    this.confirmingRemovalOf = member.userId;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm .cancel')?.focus();
  }

  private async cancelRemoval(member: Member): Promise<void> {
    this.confirmingRemovalOf = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-remove="${member.userId}"]`)?.focus();
  }

  private async removeFromLetter(member: Member): Promise<void> {
    const removed = await this.run(member, () => removeMember(this.letterId, member.userId), t('members.wasRemovedFromTheLetter', { name: member.name }));
    this.confirmingRemovalOf = null;
    await this.updateComplete;
    if (removed) this.renderRoot.querySelector<HTMLElement>('#members-heading')?.focus();
  }

  override render() {
    return html`
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" tabindex="-1">${t('members.members')}</h2>
        ${this.managesLetter
          ? html`<p class="hint">
              ${roles.map((role, index) => html`<strong>${roleGroupLabel[role]}</strong> ${roleDescription[role]}${index < roles.length - 1 ? '; ' : '.'}`)}
            </p>`
          : nothing}
        <p class="status" role="status">${this.status}</p>
        ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
        ${this.members
          ? html`<ul class="members" aria-labelledby="members-heading">${this.members.map((member) => this.renderMember(member))}</ul>`
          : this.error ? nothing : html`<p>${t('members.loadingMembers')}</p>`}
        ${(this.managesLetter || this.user?.isOfficeAdmin) && this.members
          ? html`<div class="forms">
              <jl-add-member-form .letterId=${this.letterId} .members=${this.members} .user=${this.user} .letterRoles=${this.letterRoles}></jl-add-member-form>
              <jl-invite-member-form .letterId=${this.letterId} .user=${this.user} .letterRoles=${this.letterRoles}></jl-invite-member-form>
            </div>`
          : nothing}
      </section>
    `;
  }

  private renderMember(member: Member) {
    const isMe = member.userId === this.user?.id;
    return html`
      <li>
        <div class="who">
          <span class="name">${member.name}${isMe ? ` ${t('members.you')}` : ''}</span>
          <span class="office">${member.office.nameEn}, ${member.office.country}</span>
          <span class="email">${member.email}</span>
        </div>
        ${this.mayChange(member) ? this.renderManagement(member) : html`<p class="roles">${describeRoles(member.roles)}</p>`}
      </li>
    `;
  }

  private renderManagement(member: Member) {
    const isBusy = this.busyUserId === member.userId;
    const isChanged = this.drafts.has(member.userId);
    if (this.confirmingRemovalOf === member.userId) {
      return html`
        <div class="confirm" role="group" aria-labelledby=${`confirm-${member.userId}`}>
          <p id=${`confirm-${member.userId}`}>${t('members.removeFromThisLetterThey', { name: member.name })}</p>
          <button type="button" class="danger" ?disabled=${isBusy} @click=${() => this.removeFromLetter(member)}>
            ${isBusy ? t('members.removing') : html`${t('members.remove')}<span class="visually-hidden"> ${member.name}</span>`}
          </button>
          <button type="button" class="secondary cancel" @click=${() => this.cancelRemoval(member)}>${t('members.cancel')}</button>
        </div>
      `;
    }
    return html`
      <div class="manage">
        ${renderRoleChoices({
          legend: t('members.rolesOf', { name: member.name }),
          idPrefix: `roles-${member.userId}`,
          selected: this.rolesShown(member),
          isLegendHidden: true,
          assignable: this.changeableRoles(member),
          onToggle: (role, checked) => this.toggle(member, role, checked),
        })}
        <div class="actions">
          <button type="button" class="secondary small" ?disabled=${!isChanged || isBusy} @click=${() => this.saveRoles(member)}>
            ${isBusy ? t('members.saving') : html`${t('members.saveRoles')}<span class="visually-hidden"> ${t('members.of', { name: member.name })}</span>`}
          </button>
          ${this.managesLetter
            ? html`<button type="button" class="link small" data-remove=${member.userId} ?disabled=${isBusy} @click=${() => this.askToRemove(member)}>
                ${t('members.remove')}<span class="visually-hidden"> ${t('members.fromTheLetter', { name: member.name })}</span>…
              </button>`
            : nothing}
        </div>
      </div>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    formStyles,
    visuallyHiddenStyles,
    roleChoicesStyles,
    membersPanelStyles,
  ];
}

customElements.define('jl-members-panel', JlMembersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'jl-members-panel': JlMembersPanel;
  }
}
