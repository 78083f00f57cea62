import { css } from 'lit';

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
`;
