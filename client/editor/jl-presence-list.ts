import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { officeWithCountry } from '../../shared/domain/office-names.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { LetterConnection } from '../sync/letter-connection.js';

interface Person {
  clientId: number;
  name: string;
  office: string | undefined;
  color: string;
}

/**
 * Who else has the letter open, in words. Carets are hidden from screen readers and colours
 * alone say nothing, so this list is how everyone learns who is editing alongside them.
 */
export class JlPresenceList extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { connection: { attribute: false }, people: { state: true } };

  declare connection: LetterConnection | undefined;
  declare private people: Person[];
  private subscribed: LetterConnection | undefined;

  constructor() {
    super();
    this.connection = undefined;
    this.people = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.subscribe(this.connection);
  }

  private subscribe(connection: LetterConnection | undefined): void {
    this.subscribed?.provider.awareness.off('change', this.refresh);
    this.subscribed = connection;
    connection?.provider.awareness.on('change', this.refresh);
    this.refresh();
  }

  private readonly refresh = (): void => {
    const awareness = this.subscribed?.provider.awareness;
    if (!awareness) {
      this.people = [];
      return;
    }
    const people: Person[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user: unknown = state['user'];
      if (!user || typeof user !== 'object') continue;
      const { name, office, country, color } = user as { name?: unknown; office?: unknown; country?: unknown; color?: unknown };
      if (typeof name !== 'string' || name === '') continue;
      const officeName = typeof office === 'string' && office !== '' ? office : undefined;
      const hasCountry = typeof country === 'string' && country !== '';
      people.push({
        clientId,
        name,
        // Several offices share one English name: the country, set by the server, tells them apart.
        office: officeName && hasCountry ? officeWithCountry(officeName, country) : officeName,
        color: typeof color === 'string' ? color : 'transparent',
      });
    }
    this.people = people;
  };

  override render() {
    if (this.people.length === 0) return html`<p class="alone">${t('editor.nobodyElseHasThisLetter')}</p>`;
    return html`
      <p class="label" id="presence-label">${t('editor.alsoHere')}</p>
      <ul aria-labelledby="presence-label">
        ${this.people.map(
          (person) => html`<li>
            <span class="dot" aria-hidden="true" style=${styleMap({ background: person.color })}></span>${person.name}${person.office
              ? html`<span class="office">(${person.office})</span>`
              : null}
          </li>`,
        )}
      </ul>
    `;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.5rem;
      font-size: 0.9375rem;
      color: var(--jl-text-muted);
    }
    p {
      margin: 0;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
      color: var(--jl-text);
    }
    li {
      display: inline-flex;
      /* On a phone the office goes under the name rather than squeezing both into narrow columns. */
      flex-wrap: wrap;
      align-items: center;
      gap: 0 0.375rem;
    }
    .office {
      color: var(--jl-text-muted);
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
    }
  `;
}

customElements.define('jl-presence-list', JlPresenceList);

declare global {
  interface HTMLElementTagNameMap {
    'jl-presence-list': JlPresenceList;
  }
}
