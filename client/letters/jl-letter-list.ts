import { formatDateTime } from '../ui/format-date-time.js';
import { formatList } from '../i18n/format-list.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { LetterSummary } from '../../shared/api/letters.js';
import type { DeadlineSummary } from '../../shared/api/notifications.js';
import { timeLeftText } from '../notifications/time-left-text.js';
import { letterPath } from '../app/route.js';
import { letterStatusLabel } from './letter-status-label.js';


/** The letters a person can open, newest activity first as the server orders them. */
export class JlLetterList extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { letters: { attribute: false }, deadlines: { attribute: false } };

  declare letters: LetterSummary[];
  /** Each letter's nearest deadline and late offices, where it has a deadline. */
  declare deadlines: DeadlineSummary['letters'];

  constructor() {
    super();
    this.letters = [];
    this.deadlines = [];
  }

  override render() {
    if (this.letters.length === 0) return html`<p class="empty">${t('letters.thereAreNoLettersYet')}</p>`;
    return html`
      <ul>
        ${this.letters.map((letter) => this.renderLetter(letter))}
      </ul>
    `;
  }

  private renderLetter(letter: LetterSummary) {
    const updatedAt = new Date(letter.updatedAt);
    return html`
      <li>
        <a href=${letterPath(letter.id)}>${letter.title}</a>
        ${letter.subject ? html`<p class="subject">${letter.subject}</p>` : null}
        <dl>
          <div><dt>${t('letters.status')}</dt><dd class="status">${letterStatusLabel[letter.status]}</dd></div>
          <div>
            <dt>${t('letters.signatories')}</dt>
            <dd>${t('letters.officeCount', { count: letter.signatoryCount })}</dd>
          </div>
          ${this.renderDeadline(this.deadlines.find((entry) => entry.letterId === letter.id))}
          ${Number.isNaN(updatedAt.getTime())
            ? null
            : html`<div>
                <dt>${t('letters.lastChange')}</dt>
                <dd><time datetime=${letter.updatedAt}>${formatDateTime(letter.updatedAt)}</time></dd>
              </div>`}
        </dl>
      </li>
    `;
  }

  private renderDeadline(deadline: DeadlineSummary['letters'][number] | undefined) {
    if (!deadline) return null;
    const late = deadline.lateOffices.length > 0 ? formatList(deadline.lateOffices.map((office) => office.name)) : '';
    return html`<div>
      <dt>${t('letters.deadline')}</dt>
      <dd>
        ${deadline.dueAt ? timeLeftText(Date.parse(deadline.dueAt) - Date.now()) : t('letters.everyOfficeIsDone')}${late ? html`; <strong>${t('letters.late', { late: late })}</strong>` : null}
      </dd>
    </div>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    li {
      padding: 1rem 1.25rem;
      background: var(--jl-paper);
      border: 1px solid var(--jl-border);
      border-radius: var(--jl-radius);
    }
    a {
      font-size: 1.125rem;
      font-weight: 600;
      color: var(--jl-accent);
    }
    a:hover {
      color: var(--jl-accent-hover);
    }
    a:focus-visible {
      outline: 3px solid var(--jl-focus);
      outline-offset: 2px;
    }
    .subject {
      margin: 0.25rem 0 0;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
      color: var(--jl-text-muted);
    }
    dl div {
      display: flex;
      gap: 0.375rem;
    }
    dt::after {
      content: ':';
    }
    dd {
      margin: 0;
      color: var(--jl-text);
    }
    .status {
      font-weight: 600;
    }
    .empty {
      color: var(--jl-text-muted);
    }
  `;
}

customElements.define('jl-letter-list', JlLetterList);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-list': JlLetterList;
  }
}
