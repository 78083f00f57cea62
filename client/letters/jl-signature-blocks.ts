import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Signatory } from '../../shared/api/letters.js';
import { officeLanguage } from './office-language.js';

/**
 * One signature block per signatory, in signing order. They come from the letter's signatories,
 * not from the shared text, so nobody can edit a minister's name or title by typing.
 */
export class JlSignatureBlocks extends LitElement {
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
      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">${t('letters.signatures')}</h2>
        ${ordered.length === 0
          ? html`<p class="none">${t('letters.thisLetterHasNoSignatories')}</p>`
          : html`<ol>
              ${ordered.map(
                ({ office, signerName, capacity }) => html`
                  <li>
                    <span class="line" aria-hidden="true"></span>
                    <span class="signer">${signerName}</span>
                    <span class="capacity">${capacity}</span>
                    <span class="office" lang=${ifDefined(officeLanguage(office))}>${office.name}</span>
                    ${office.name === office.nameEn ? null : html`<span class="office-en">${office.nameEn}</span>`}
                  </li>
                `,
              )}
            </ol>`}
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
    h2 {
      margin: 0 0 1.25rem;
      font-size: 1rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--jl-text-muted);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: 2.25rem 2rem;
    }
    li {
      display: flex;
      flex-direction: column;
      line-height: 1.35;
    }
    .line {
      display: block;
      height: 2.75rem;
      margin-bottom: 0.5rem;
      border-bottom: 1px solid var(--jl-border-strong);
    }
    .signer {
      font-weight: 700;
    }
    .capacity {
      font-style: italic;
    }
    .office,
    .office-en {
      font-size: 0.9375rem;
    }
    .office-en {
      color: var(--jl-text-muted);
    }
    .none {
      color: var(--jl-text-muted);
    }
  `;
}

customElements.define('jl-signature-blocks', JlSignatureBlocks);

declare global {
  interface HTMLElementTagNameMap {
    'jl-signature-blocks': JlSignatureBlocks;
  }
}
