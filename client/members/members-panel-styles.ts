import { css } from 'lit';

/** The members panel's own layout: one row per member, the two forms side by side when there is room. */
export const membersPanelStyles = css`
  :host {
    display: block;
    padding: 1.25rem 1.5rem;
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.5rem;
  }
  h2:focus {
    outline: none;
  }
  .hint {
    max-width: 44rem;
    margin-bottom: 1rem;
  }
  .status {
    margin: 0.5rem 0;
    font-weight: 600;
    color: var(--jl-success);
  }
  /* Out of the flow while empty, yet still in the accessibility tree, so the next result is announced. */
  .status:empty {
    position: absolute;
  }
  .members {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--jl-border);
  }
  .members li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: 0.5rem 1.5rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--jl-border);
  }
  .who {
    display: flex;
    flex-direction: column;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 600;
  }
  .office,
  .email {
    font-size: 0.9375rem;
    color: var(--jl-text-muted);
  }
  .roles {
    margin: 0;
  }
  .manage {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
  }
  .small {
    font-size: 0.9375rem;
    padding: 0.25rem 0.625rem;
  }
  .link {
    color: var(--jl-danger);
    background: none;
    border: 1px solid transparent;
    text-decoration: underline;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    max-width: 30rem;
    padding: 0.5rem 0.75rem;
    background: var(--jl-danger-soft);
    border-inline-start: 4px solid var(--jl-danger);
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  .danger {
    color: #fff;
    background: var(--jl-danger);
    border: 1px solid var(--jl-danger);
  }
  @media (max-width: 44rem) {
    .members li {
      grid-template-columns: 1fr;
    }
    .manage {
      align-items: flex-start;
    }
  }
  .forms {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 1.5rem 2.5rem;
    margin-top: 1.5rem;
  }
`;
