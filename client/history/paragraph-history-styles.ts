import { css } from 'lit';

/** The history panel: a disclosure in the sign-off column, and a timeline of revisions and acts. */
export const paragraphHistoryStyles = css`
  :host {
    display: block;
  }
  .history {
    padding: 0.75rem 1rem;
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
  }
  h2 {
    margin: 0;
    font-size: 1.0625rem;
  }
  .disclosure {
    display: flex;
    justify-content: space-between;
    align-items: center;
    width: 100%;
    padding: 0.25rem 0;
    font-weight: 600;
    font-size: 1.0625rem;
    text-align: start;
    color: var(--jl-accent);
    background: none;
    border: none;
  }
  .chevron {
    margin-inline-start: 0.5rem;
  }
  #history-body {
    display: grid;
    gap: 0.75rem;
    margin-top: 0.5rem;
  }
  .message {
    margin: 0;
  }
  /* Out of the flow while empty, yet still in the accessibility tree, so the change is announced. */
  .message.success:empty {
    position: absolute;
    padding: 0;
    border: 0;
  }
  .hint {
    margin: 0;
    color: var(--jl-text-muted);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  /* Every line of the timeline, revisions and acts alike, told apart by the colour of its edge. */
  .entry {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 0.625rem;
    border-inline-start: 4px solid var(--jl-border);
  }
  .entry-head,
  .entry-time {
    margin: 0;
  }
  .entry-time {
    font-size: 0.875rem;
    color: var(--jl-text-muted);
  }
  .revision {
    border-inline-start-color: var(--jl-accent);
  }
  .action-approve {
    border-inline-start-color: var(--jl-success);
  }
  .action-request_changes {
    border-inline-start-color: var(--jl-warning);
  }
  .discussion {
    border-inline-start-color: var(--jl-border-strong);
  }
  .reservation-entered {
    border-inline-start-color: var(--jl-warning);
  }
  .discussion .quote {
    font-style: italic;
    color: var(--jl-text-muted);
  }
  .discussion .withdrawn {
    margin: 0;
    font-style: italic;
    color: var(--jl-text-muted);
  }
  .revision > .restore {
    justify-self: start;
    margin-top: 0.25rem;
  }
  .confirm {
    margin-top: 0.5rem;
    padding: 0.5rem 0.75rem;
    background: var(--jl-accent-soft);
    border-radius: var(--jl-radius);
  }
  .confirm p {
    margin: 0 0 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
