import { css } from 'lit';
import { layoutMedia } from '../ui/layout-breakpoints.js';

/** Styles of jl-letter-page, which renders into its light DOM and so cannot use `static styles`. */
export const letterPageStyles = css`
  jl-letter-page {
    display: block;
    max-width: calc(var(--jl-column) + 4rem + 22rem);
    margin: 0 auto;
    /* The letter bar's height; the editor toolbar sticks just below it. */
    --jl-letter-bar-height: 3.25rem;
  }
  jl-letter-page .letter-bar {
    position: sticky;
    top: 0;
    z-index: 3;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
    /* Not the measured height: the bar could then never shrink back after a long message. */
    min-height: 3.25rem;
    margin: -1rem 0 1.5rem;
    padding: 0.5rem 1rem;
    background: var(--jl-background);
    border-bottom: 1px solid var(--jl-border);
  }
  jl-letter-page .letter-status {
    font-size: 0.9375rem;
    color: var(--jl-text-muted);
  }
  jl-letter-page .letter-status strong {
    color: var(--jl-text);
  }
  jl-letter-page jl-save-status {
    margin-inline-start: auto;
  }
  jl-letter-page .members-toggle {
    font: inherit;
    font-size: 0.9375rem;
    padding: 0.25rem 0.75rem;
    color: var(--jl-accent);
    background: var(--jl-paper);
    border: 1px solid var(--jl-accent);
    border-radius: var(--jl-radius);
    cursor: pointer;
  }
  jl-letter-page .members-toggle .chevron {
    margin-inline-start: 0.375rem;
  }
  jl-letter-page .members-toggle[aria-expanded='true'] {
    color: #fff;
    background: var(--jl-accent);
  }
  jl-letter-page .members-toggle:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  /* Opens under the bar, wherever the page is scrolled to: the bar is sticky, so the panel is always on screen. */
  jl-letter-page jl-members-panel {
    position: absolute;
    top: 100%;
    inset-inline: 1rem;
    max-width: 60rem;
    margin-inline-start: auto;
    max-height: calc(100vh - var(--jl-letter-bar-height) - 1.5rem);
    overflow-y: auto;
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.2);
  }
  jl-letter-page .connection-alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 0 0 1.5rem;
    padding: 0.75rem 1rem;
    color: var(--jl-danger);
    background: var(--jl-danger-soft);
    border-inline-start: 4px solid var(--jl-danger);
  }
  jl-letter-page .connection-alert p {
    margin: 0;
    font-weight: 600;
  }
  jl-letter-page .connection-alert button {
    font: inherit;
    padding: 0.375rem 0.75rem;
    color: var(--jl-accent);
    background: var(--jl-paper);
    border: 1px solid var(--jl-accent);
    border-radius: var(--jl-radius);
    cursor: pointer;
  }
  jl-letter-page .connection-alert button:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  jl-letter-page .letter {
    padding: 2.5rem 2rem 3rem;
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.06);
  }
  jl-letter-page .letter-meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 1rem 2rem;
    margin: 2.5rem 0 1.5rem;
  }
  jl-letter-page .meta-label {
    font-weight: 700;
    margin: 0;
  }
  jl-letter-page .addressees ul {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
  }
  jl-letter-page .letter-date {
    margin: 0;
  }
  jl-letter-page h1 {
    font-size: 1.625rem;
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  jl-letter-page .subject {
    margin: 0 0 1.5rem;
  }
  /* A role change, said where it is seen: the bar stays in view while the person writes. */
  jl-letter-page .access-change {
    flex-basis: 100%;
    margin: 0;
  }
  /* Out of the flow while empty, yet still in the accessibility tree, so the change is announced. */
  jl-letter-page .access-change:empty {
    position: absolute;
  }
  jl-letter-page .access-change:not(:empty) {
    padding: 0.375rem 0.75rem;
    font-weight: 600;
    background: #fff1c2;
    border-inline-start: 4px solid var(--jl-warning);
  }
  jl-letter-page .read-only-note {
    padding: 0.5rem 0.75rem;
    background: var(--jl-accent-soft);
    border-inline-start: 4px solid var(--jl-accent);
  }
  jl-letter-page jl-editor jl-editor-toolbar {
    top: var(--jl-letter-bar-height);
  }
  jl-letter-page jl-presence-list {
    margin: 0.75rem 0 0;
  }
  jl-letter-page jl-signature-blocks {
    margin-top: 3rem;
  }
  @media (max-width: 40rem) {
    jl-letter-page .letter {
      padding: 1.5rem 1rem 2rem;
    }
  }
  jl-letter-page .letter-layout {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr);
  }
  jl-letter-page .signoff-aside {
    display: grid;
    gap: 1rem;
    align-content: start;
    align-self: start;
  }
  /* Beside the letter the drawer's wrapper leaves no box of its own: the panel is the grid's column. */
  jl-letter-page .signoff-drawer {
    display: contents;
  }
  jl-letter-page .signoff-toggle__paragraph {
    margin-inline-start: 0.5rem;
    font-weight: 400;
  }
  @media (min-width: 80rem) {
    jl-letter-page .letter-layout {
      grid-template-columns: minmax(0, calc(var(--jl-column) + 4rem)) 20rem;
    }
    jl-letter-page .signoff-aside {
      position: sticky;
      top: calc(var(--jl-letter-bar-height) + 1rem);
      max-height: calc(100vh - var(--jl-letter-bar-height) - 2rem);
      overflow-y: auto;
    }
  }
  /* Too narrow for the panel beside the letter: it opens over the page from a button that stays in reach. */
  @media ${layoutMedia.drawer} {
    jl-letter-page {
      padding-bottom: 4.5rem;
    }
    jl-letter-page .signoff-toggle {
      position: fixed;
      inset-block-end: 1rem;
      inset-inline-end: 1rem;
      z-index: 5;
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      font: inherit;
      font-weight: 600;
      color: #fff;
      background: var(--jl-accent);
      border: 1px solid var(--jl-accent);
      border-radius: 1.5rem;
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25);
      cursor: pointer;
    }
    jl-letter-page .signoff-toggle:focus-visible {
      outline: 3px solid var(--jl-focus);
      outline-offset: 2px;
    }
    jl-letter-page .signoff-drawer {
      position: fixed;
      inset-block: 0;
      inset-inline-end: 0;
      z-index: 20;
      display: block;
      width: min(100%, 30rem);
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 0 1rem 1.5rem;
      background: var(--jl-background);
      /* The page behind is inert: dim it. */
      box-shadow: 0 0 0 100vmax rgb(20 25 35 / 0.45);
    }
    jl-letter-page .signoff-drawer[hidden] {
      display: none;
    }
    jl-letter-page .drawer-head {
      position: sticky;
      top: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin: 0 -1rem 1rem;
      padding: 0.5rem 1rem;
      background: var(--jl-paper);
      border-bottom: 1px solid var(--jl-border);
    }
    jl-letter-page .drawer-head h2 {
      margin: 0;
      font-size: 1.125rem;
    }
    jl-letter-page .drawer-head h2:focus {
      outline: none;
    }
    jl-letter-page .drawer-close {
      min-height: 2.75rem;
      padding: 0.25rem 1rem;
      font: inherit;
      color: var(--jl-accent);
      background: var(--jl-paper);
      border: 1px solid var(--jl-accent);
      border-radius: var(--jl-radius);
      cursor: pointer;
    }
    jl-letter-page .drawer-close:focus-visible {
      outline: 3px solid var(--jl-focus);
      outline-offset: 2px;
    }
  }
  /* A phone: the bars scroll away with the page, and the letter takes the whole width. */
  @media ${layoutMedia.phone} {
    jl-letter-page .letter-bar {
      /* Not sticky, but still what the members panel opens under. */
      position: relative;
      gap: 0.25rem 1rem;
      margin-inline: -0.5rem;
      padding: 0.5rem;
    }
    jl-letter-page jl-editor jl-editor-toolbar {
      position: static;
    }
    jl-letter-page .letter {
      margin-inline: -0.5rem;
      padding: 1.25rem 0.5rem 2rem;
      border-inline: none;
      border-radius: 0;
    }
    jl-letter-page jl-editor .letter-text {
      padding-inline: 0.75rem;
    }
    jl-letter-page jl-members-panel {
      inset-inline: 0;
      max-height: calc(100vh - 1rem);
    }
  }
`;
