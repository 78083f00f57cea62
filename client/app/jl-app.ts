import { applyLanguage } from '../i18n/translate.js';
import { pickLanguage } from '../../shared/i18n/language-choice.js';
import { languageOf } from '../session/language-of.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { SessionUser } from '../../shared/api/session.js';
import { describeError } from '../api/api-error.js';
import { loadSession, signOut } from '../api/session-api.js';
import '../admin/jl-admin-page.js';
import '../audit/jl-audit-page.js';
import { discardBrowserCopies } from '../sync/browser-copy.js';
import '../invitations/jl-invitation-page.js';
import '../letters/jl-letter-list-page.js';
import '../session/jl-session-menu.js';
import '../notifications/jl-notification-bell.js';
import '../session/jl-sign-in-page.js';
import { SessionExpiredEvent } from '../session/session-expired-event.js';
import { SignOutEvent } from '../session/sign-out-event.js';
import { SignedInEvent } from '../session/signed-in-event.js';
import { adoptDocumentStyles } from '../ui/adopt-document-styles.js';
import { layoutMedia } from '../ui/layout-breakpoints.js';
import '../versions/jl-versions-page.js';
import { navigate, parseRoute, type Route, routeChangeEvent } from './route.js';

/**
 * The shell: top bar, skip link, landmarks, session and routing. It renders into its light DOM
 * because the letter page below it hosts the Tiptap editor, which must not live in a shadow root.
 */
export class JlApp extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    user: { state: true },
    isDemo: { state: true },
    route: { state: true },
    sessionError: { state: true },
    signInNotice: { state: true },
  };

  /** `undefined` while the session is being looked up. */
  declare private user: SessionUser | null | undefined;
  /** The workspace runs with demo accounts: a banner says so on every page. */
  declare private isDemo: boolean;
  declare private route: Route;
  declare private sessionError: string | null;
  /** Shown above the sign-in form when the person did not sign out themselves. */
  declare private signInNotice: string | null;
  private shouldFocusMain = false;

  constructor() {
    super();
    this.user = undefined;
    this.isDemo = false;
    this.route = parseRoute(location.pathname);
    this.sessionError = null;
    this.signInNotice = null;
  }

  protected override createRenderRoot(): HTMLElement {
    // Drop the static "Loading…" placeholder from index.html.
    this.replaceChildren();
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(this, appStyles);
    window.addEventListener('popstate', this.onLocationChange);
    window.addEventListener(routeChangeEvent, this.onLocationChange);
    this.addEventListener('click', this.onClick);
    this.addEventListener(SignedInEvent.eventName, this.onSignedIn);
    this.addEventListener(SignOutEvent.eventName, this.onSignOut);
    this.addEventListener(SessionExpiredEvent.eventName, this.onSessionExpired);
    // Before the person has chosen (or signed in), the browser's preferred languages decide.
    applyLanguage(pickLanguage(navigator.languages));
    void this.loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onLocationChange);
    window.removeEventListener(routeChangeEvent, this.onLocationChange);
    this.removeEventListener('click', this.onClick);
    this.removeEventListener(SignedInEvent.eventName, this.onSignedIn);
    this.removeEventListener(SignOutEvent.eventName, this.onSignOut);
    this.removeEventListener(SessionExpiredEvent.eventName, this.onSessionExpired);
  }

  private async loadSession(): Promise<void> {
    try {
      const session = await loadSession();
      this.user = session.user;
      applyLanguage(languageOf(session.user));
      this.isDemo = session.demo;
      this.sessionError = null;
    } catch (error) {
      this.sessionError = describeError(error);
    }
  }

  private readonly onLocationChange = (): void => {
    this.route = parseRoute(location.pathname);
    this.shouldFocusMain = true;
  };

  /** Follows same-origin links inside the app without reloading; the browser handles the rest. */
  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    // Letter text may contain links; those leave the app as ordinary links would.
    if (anchor.closest('.ProseMirror')) return;
    if (anchor.hash && anchor.pathname === location.pathname) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search);
  };

  private readonly onSignedIn = (event: SignedInEvent): void => {
    this.user = event.user;
    applyLanguage(languageOf(event.user));
    this.signInNotice = null;
    this.shouldFocusMain = true;
  };

  private readonly onSignOut = (): void => {
    void this.signOutAndShowSignIn();
  };

  private async signOutAndShowSignIn(): Promise<void> {
    const userId = this.user?.id;
    try {
      await signOut();
    } catch {
      // Even if the server did not answer, the cookie may be gone; the sign-in page is what was asked for.
    }
    this.user = null;
    this.signInNotice = null;
    navigate('/');
    this.shouldFocusMain = true;
    // On a shared computer, the next person must not find this person's letters in the browser.
    if (userId) await discardBrowserCopies(userId).catch((error: unknown) => console.warn('Could not remove the letters kept in this browser', error));
  }

  // The address stays: after signing in again, the person is back where they were.
  private readonly onSessionExpired = (): void => {
    this.user = null;
    this.signInNotice = t('app.yourSessionHasEndedSign');
    this.shouldFocusMain = true;
  };

  protected override updated(): void {
    if (!this.shouldFocusMain) return;
    this.shouldFocusMain = false;
    // Screen readers start reading the new page instead of staying on the old link.
    this.querySelector<HTMLElement>('#main')?.focus({ preventScroll: false });
  }

  /** The letter page brings the editor and Yjs; the list and the picker load without them. */
  private loadSignoffDashboard(): void {
    if (customElements.get('jl-signoff-dashboard')) return;
    import('../signoff/jl-signoff-dashboard.js').catch(() => {
      this.sessionError = t('app.partOfJointlyCouldNot');
    });
  }

  /** A saved version is shown by a read-only editor: it brings Tiptap like the letter page does. */
  private loadVersionPage(): void {
    if (customElements.get('jl-version-page')) return;
    import('../versions/jl-version-page.js').catch(() => {
      this.sessionError = t('app.partOfJointlyCouldNot');
    });
  }

  private loadLetterPage(): void {
    if (customElements.get('jl-letter-page')) return;
    import('../letters/jl-letter-page.js').catch(() => {
      this.sessionError = t('app.partOfJointlyCouldNot');
    });
  }

  override render() {
    return html`
      <a class="skip-link" href="#main">${t('app.skipToMainContent')}</a>
      <header class="top-bar">
        ${this.isDemo
          ? html`<p class="demo-banner">
              <strong>${t('app.demoWorkspace')}</strong> ${t('app.theAccountsAndTheLetter')}
            </p>`
          : null}
        <div class="top-bar-inner">
          <a class="brand" href="/">${t('app.jointly')}</a>
          ${this.user ? this.renderNavigation(this.user) : null}
          <jl-session-menu .user=${this.user ?? null}></jl-session-menu>
          ${this.user ? html`<jl-notification-bell></jl-notification-bell>` : null}
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderMain()}</main>
    `;
  }

  private renderNavigation(user: SessionUser) {
    const current = (page: Route['page']) => (this.route.page === page ? 'page' : 'false');
    return html`<nav aria-label=${t('app.main')}>
      <a href="/" aria-current=${current('letters')}>${t('app.letters')}</a>
      ${user.isAdmin || user.isOfficeAdmin ? html`<a href="/admin" aria-current=${current('admin')}>${t('app.administration')}</a>` : null}
    </nav>`;
  }

  private renderMain() {
    if (this.sessionError) {
      return html`<h1>${t('app.jointlyIsNotAvailable')}</h1>
        <p role="alert">${this.sessionError}</p>
        <button type="button" @click=${() => this.loadSession()}>${t('app.tryAgain')}</button>`;
    }
    if (this.user === undefined) return html`<p>${t('app.loading')}</p>`;
    // An invitation link works whoever is signed in: accepting it signs in its new owner.
    if (this.route.page === 'invitation') return html`<jl-invitation-page .token=${this.route.token}></jl-invitation-page>`;
    if (this.user === null) {
      return html`<jl-sign-in-page .isDemo=${this.isDemo} .notice=${this.signInNotice}></jl-sign-in-page>`;
    }
    switch (this.route.page) {
      case 'letters':
        return html`<jl-letter-list-page></jl-letter-list-page>`;
      case 'letter':
        this.loadLetterPage();
        return html`<jl-letter-page .letterId=${this.route.letterId} .user=${this.user}></jl-letter-page>`;
      case 'sign-off':
        this.loadSignoffDashboard();
        return html`<jl-signoff-dashboard .letterId=${this.route.letterId}></jl-signoff-dashboard>`;
      case 'versions':
        return html`<jl-versions-page .letterId=${this.route.letterId}></jl-versions-page>`;
      case 'version':
        this.loadVersionPage();
        return html`<jl-version-page .letterId=${this.route.letterId} .versionId=${this.route.versionId}></jl-version-page>`;
      case 'audit':
        return html`<jl-audit-page .letterId=${this.route.letterId}></jl-audit-page>`;
      case 'admin':
        return html`<jl-admin-page .user=${this.user}></jl-admin-page>`;
      case 'not-found':
        document.title = t('app.pageNotFoundJointly');
        return html`<h1>${t('app.pageNotFound')}</h1>
          <p>${t('app.thereIsNothingAtThis')} <a href="/">${t('app.goToTheListOf')}</a>.</p>`;
    }
  }
}

const appStyles = css`
  jl-app {
    display: block;
    min-height: 100vh;
  }
  jl-app .skip-link {
    position: absolute;
    left: 0.5rem;
    top: -10rem;
    z-index: 100;
    padding: 0.5rem 1rem;
    color: #fff;
    background: var(--jl-accent);
    border-radius: var(--jl-radius);
  }
  jl-app .skip-link:focus {
    top: 0.5rem;
  }
  jl-app .top-bar {
    background: var(--jl-paper);
    border-bottom: 1px solid var(--jl-border);
  }
  jl-app .demo-banner {
    margin: 0;
    padding: 0.375rem 1.5rem;
    text-align: center;
    font-size: 0.9375rem;
    color: #3d2c00;
    background: #fff1c2;
    border-bottom: 1px solid #d9b64a;
  }
  jl-app .top-bar-inner {
    max-width: 60rem;
    margin: 0 auto;
    padding: 0.5rem 1.5rem;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    min-height: 3.5rem;
  }
  jl-app .brand {
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.01em;
    color: var(--jl-accent);
    text-decoration: none;
  }
  jl-app nav {
    display: flex;
    gap: 1.25rem;
  }
  jl-app nav a {
    color: var(--jl-text);
    text-decoration: none;
    padding: 0.25rem 0;
    border-bottom: 3px solid transparent;
  }
  jl-app nav a[aria-current='page'] {
    border-bottom-color: var(--jl-accent);
    font-weight: 600;
  }
  jl-app nav a:hover {
    text-decoration: underline;
  }
  jl-app jl-session-menu {
    margin-inline-start: auto;
  }
  jl-app main {
    display: block;
    max-width: 60rem;
    margin: 0 auto;
    padding: 2rem 1.5rem 4rem;
  }
  /* The letter and its sign-off sit side by side on wide screens. */
  jl-app main:has(> jl-letter-page),
  jl-app main:has(> jl-signoff-dashboard),
  jl-app main:has(> jl-audit-page),
  jl-app:has(main > jl-letter-page) .top-bar-inner,
  jl-app:has(main > jl-signoff-dashboard) .top-bar-inner,
  jl-app:has(main > jl-audit-page) .top-bar-inner {
    max-width: 80rem;
  }
  jl-app main:focus {
    outline: none;
  }
  jl-app main > h1 {
    font-size: 1.75rem;
  }
  /* A phone: every pixel of width goes to the page. */
  @media ${layoutMedia.phone} {
    jl-app main {
      padding: 1.25rem 0.75rem 3rem;
    }
    jl-app .top-bar-inner {
      padding-inline: 0.75rem;
    }
  }
`;

customElements.define('jl-app', JlApp);

declare global {
  interface HTMLElementTagNameMap {
    'jl-app': JlApp;
  }
}
