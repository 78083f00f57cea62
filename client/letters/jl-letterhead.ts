import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Signatory } from '../../shared/api/letters.js';
import { officeLanguage } from './office-language.js';

/** The joint letterhead: every signatory office in signing order, each under its own colour. */
export class JlLetterhead extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { signatories: { attribute: false } };

  declare signatories: Signatory[];

  constructor() {
    super();
    this.signatories = [];
  }

  override render() {
    const ordered = [...this.signatories].sort((a, b) => a.position - b.position);
    return html`
      <section aria-label=${t('letters.letterhead')}>
        <ol>
          ${ordered.map(
            ({ office }) => html`
              <li style=${styleMap({ '--office-color': office.color })}>
                <span class="name" lang=${ifDefined(officeLanguage(office))}>${office.name}</span>
                <span class="name-en">${office.nameEn}</span>
              </li>
            `,
          )}
        </ol>
      </section>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      /* Ministry names hold long compounds (beredskapsdepartementet); break them, never overflow. */
      overflow-wrap: break-word;
      hyphens: auto;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      /* Three columns on a letter-wide page: the longest compound words then fit on one line. */
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
      gap: 1rem 1.25rem;
    }
    li {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      padding-top: 0.5rem;
      border-top: 4px solid var(--office-color, var(--jl-accent));
      line-height: 1.3;
    }
    .name {
      font-weight: 700;
      font-size: 0.9375rem;
    }
    .name-en {
      font-size: 0.875rem;
      color: var(--jl-text-muted);
    }
  `;
}

customElements.define('jl-letterhead', JlLetterhead);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letterhead': JlLetterhead;
  }
}
