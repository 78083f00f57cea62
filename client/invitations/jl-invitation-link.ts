import { formatDateTime } from '../ui/format-date-time.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { buttonStyles, formStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';


/**
 * A new person's one-time invitation link, to copy and hand over; when the deployment sends mail, it
 * was mailed to the person as well. The link sits in a read-only field, so it can also be selected
 * and copied by hand.
 */
export class JlInvitationLink extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    url: { attribute: false },
    personName: { attribute: false },
    expiresAt: { attribute: false },
    mailedTo: { attribute: false },
    copyMessage: { state: true },
  };

  declare url: string;
  declare personName: string;
  declare expiresAt: string;
  /** The address the link was mailed to; null when Jointly sends no mail. */
  declare mailedTo: string | null;
  declare private copyMessage: string;

  constructor() {
    super();
    this.url = '';
    this.personName = '';
    this.expiresAt = '';
    this.mailedTo = null;
    this.copyMessage = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) this.copyMessage = '';
  }

  private get field(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  /** Focuses the link, so a keyboard user lands on what just appeared. */
  override focus(): void {
    this.field?.focus();
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.url);
      this.copyMessage = t('invitations.linkCopied');
      return;
    } catch {
      // Clipboard access can be refused (permissions, an insecure origin): fall back to the selection.
    }
    const field = this.field;
    field?.select();
    const copied = field ? document.execCommand('copy') : false;
    this.copyMessage = copied ? t('invitations.linkCopied') : t('invitations.theLinkIsSelectedPress');
  }

  override render() {
    const expires = new Date(this.expiresAt);
    return html`
      <div class="field">
        <label for="invitation-link">${t('invitations.invitationLinkFor', { personName: this.personName })}</label>
        <div class="row">
          <input id="invitation-link" type="text" readonly .value=${this.url} @focus=${() => this.field?.select()} />
          <button type="button" class="secondary" @click=${() => this.copy()}>
            ${t('invitations.copy')}<span class="visually-hidden"> ${t('invitations.theInvitationLink')}</span>
          </button>
        </div>
        <p class="hint">
          ${t('invitations.theLinkWorksOnce')}${Number.isNaN(expires.getTime()) ? '' : t('invitations.until', { format: formatDateTime(this.expiresAt) })}.
          ${this.mailedTo
            ? t('invitations.jointlyMailedItToAs', { mailedTo: this.mailedTo })
            : t('invitations.sendItToYourselfJointly', { personName: this.personName })}
        </p>
        <p class="copied" role="status">${this.copyMessage}</p>
      </div>
    `;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem;
        background: #e8f3eb;
        border-inline-start: 4px solid var(--jl-success);
        border-radius: var(--jl-radius);
      }
      .field {
        max-width: none;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      input[readonly] {
        flex: 1 1 20rem;
        min-width: 0;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-size: 0.875rem;
        background: var(--jl-paper);
      }
      .copied {
        margin: 0;
        min-height: 1.5em;
        font-weight: 600;
        color: var(--jl-success);
      }
    `,
  ];
}

customElements.define('jl-invitation-link', JlInvitationLink);

declare global {
  interface HTMLElementTagNameMap {
    'jl-invitation-link': JlInvitationLink;
  }
}
