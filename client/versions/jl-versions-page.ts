import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { VersionSummary } from '../../shared/api/versions.js';
import { hasPermission, Permission } from '../../shared/domain/permissions.js';
import { describeError } from '../api/api-error.js';
import { loadLetter } from '../api/letters-api.js';
import { loadVersions } from '../api/versions-api.js';
import { letterPath, letterVersionPath } from '../app/route.js';
import { letterStatusLabel } from '../letters/letter-status-label.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { messageStyles, pageStyles, tableStyles } from '../ui/shared-styles.js';
import './jl-save-version-form.js';
import './jl-version-comparison.js';
import { versionKindLabel } from './version-kind-labels.js';
import { VersionSavedEvent } from './version-saved-event.js';

/**
 * The letter's versions: saved by the coordinator under a name, or automatically at each status
 * change. Any two of them, or one and the text as it is now, can be compared; each opens read-only.
 */
export class JlVersionsPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    letter: { state: true },
    versions: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  declare private letter: LetterDetail | undefined;
  declare private versions: VersionSummary[] | undefined;
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.letter = undefined;
    this.versions = undefined;
    this.error = null;
    this.addEventListener(VersionSavedEvent.eventName, (event) => {
      this.versions = [event.version, ...(this.versions ?? []).filter((version) => version.id !== event.version.id)];
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.load();
  }

  private async load(): Promise<void> {
    const letterId = this.letterId;
    this.letter = undefined;
    this.versions = undefined;
    this.error = null;
    if (!letterId) return;
    try {
      const [letter, versions] = await Promise.all([loadLetter(letterId), loadVersions(letterId)]);
      if (letterId !== this.letterId) return;
      this.letter = letter;
      this.versions = versions;
      document.title = t('versions.versionsOfJointly', { title: letter.title });
    } catch (error) {
      if (letterId !== this.letterId || dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
      document.title = t('versions.versionsNotAvailableJointly');
    }
  }

  override render() {
    const { letter, versions } = this;
    return html`
      <p><a href=${letterPath(this.letterId)}><span aria-hidden="true">←</span> ${t('versions.backToTheLetter')}</a></p>
      <h1>${t('versions.versions')}${letter ? html`: ${letter.title}` : null}</h1>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      ${letter && versions ? this.renderVersions(letter, versions) : this.error ? null : html`<p>${t('versions.loadingTheVersions')}</p>`}
    `;
  }

  private renderVersions(letter: LetterDetail, versions: VersionSummary[]) {
    return html`
      ${hasPermission(letter.myRoles, Permission.manageLetter)
        ? html`<section aria-labelledby="save-heading">
            <h2 id="save-heading">${t('versions.saveAVersion')}</h2>
            <jl-save-version-form .letterId=${letter.id}></jl-save-version-form>
          </section>`
        : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${t('versions.savedVersions')}</h2>
        <p class="hint">${t('versions.aVersionIsAlsoSaved')}</p>
        ${versions.length === 0 ? html`<p>${t('versions.noVersionHasBeenSaved')}</p>` : this.renderTable(letter, versions)}
      </section>
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">${t('versions.compareTwoVersions')}</h2>
        <jl-version-comparison .letterId=${letter.id} .versions=${versions}></jl-version-comparison>
      </section>
    `;
  }

  private renderTable(letter: LetterDetail, versions: VersionSummary[]) {
    return html`<div class="table-scroll">
      <table>
        <caption class="hint">${t('versions.newestFirstOpenAVersion')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('versions.version')}</th>
            <th scope="col">${t('versions.kind')}</th>
            <th scope="col">${t('versions.statusThen')}</th>
            <th scope="col">${t('versions.by')}</th>
            <th scope="col">${t('versions.on')}</th>
            <th scope="col">${t('versions.paragraphs')}</th>
          </tr>
        </thead>
        <tbody>
          ${versions.map(
            (version) => html`<tr>
              <th scope="row"><a href=${letterVersionPath(letter.id, version.id)}>${version.name}</a></th>
              <td>${versionKindLabel[version.kind]}</td>
              <td>${letterStatusLabel[version.status]}</td>
              <td>${version.by}</td>
              <td><time datetime=${version.at}>${formatDateTime(version.at)}</time></td>
              <td>${version.paragraphCount}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  static override styles = [
    pageStyles,
    messageStyles,
    tableStyles,
    css`
      h2 {
        font-size: 1.1875rem;
        margin: 2rem 0 0.5rem;
      }
      .hint {
        margin: 0 0 0.5rem;
        color: var(--jl-text-muted);
      }
      caption.hint {
        text-align: start;
        caption-side: top;
      }
      tbody th {
        font-weight: 600;
        background: var(--jl-paper);
      }
    `,
  ];
}

customElements.define('jl-versions-page', JlVersionsPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-versions-page': JlVersionsPage;
  }
}
