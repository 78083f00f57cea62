import { css } from 'lit';

/** Hidden visually, still read by screen readers. Shadow roots do not see base.css classes. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Buttons: a filled primary action and a quiet outlined secondary one, both with a focus ring. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 1rem;
    padding: 0.5rem 1rem;
    border-radius: var(--jl-radius);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .primary {
    color: #fff;
    background: var(--jl-accent);
    border: 1px solid var(--jl-accent);
  }
  .primary:hover:not(:disabled) {
    background: var(--jl-accent-hover);
  }
  .secondary {
    color: var(--jl-accent);
    background: var(--jl-paper);
    border: 1px solid var(--jl-accent);
  }
  .secondary:hover:not(:disabled) {
    background: var(--jl-accent-soft);
  }
`;

/** An error or warning box; pair with role="alert" when it appears after an action. */
export const messageStyles = css`
  .message {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid currentColor;
  }
  .message.error {
    color: var(--jl-danger);
    background: var(--jl-danger-soft);
  }
`;
