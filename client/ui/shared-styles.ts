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
    box-sizing: border-box;
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid currentColor;
  }
  .message.error {
    color: var(--jl-danger);
    background: var(--jl-danger-soft);
  }
`;

/** A calm note (confirmations, notices), as opposed to `.message.error`. */
export const noticeStyles = css`
  .message.notice {
    color: var(--jl-text);
    background: var(--jl-accent-soft);
    border-inline-start-color: var(--jl-accent);
  }
  .message.success {
    color: var(--jl-success);
    background: #e8f3eb;
  }
`;

/** Labelled fields stacked in a column, their hints and their errors. */
export const formStyles = css`
  /* base.css sets border-box on the page; shadow roots need it again. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form > .message {
    margin: 0;
  }
  form {
    display: grid;
    gap: 1.25rem;
    justify-items: start;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    width: 100%;
    max-width: 32rem;
    margin: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='url'],
  select {
    font: inherit;
    width: 100%;
    padding: 0.5rem 0.625rem;
    color: var(--jl-text);
    background: var(--jl-paper);
    border: 1px solid var(--jl-border-strong);
    border-radius: var(--jl-radius);
  }
  input[readonly] {
    background: var(--jl-background);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 1px;
  }
  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--jl-accent);
    flex: none;
  }
  input[type='checkbox']:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  [aria-invalid='true']:is(input, select) {
    border: 2px solid var(--jl-danger);
  }
  .hint {
    margin: 0;
    font-size: 0.9375rem;
    color: var(--jl-text-muted);
  }
  .field-error {
    margin: 0;
    font-weight: 600;
    color: var(--jl-danger);
  }
  fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
  }
  legend {
    padding: 0 0.25rem;
  }
`;

/** Plain data tables: a header row, rows separated by rules, readable on narrow screens by scrolling. */
export const tableStyles = css`
  .table-scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
  }
  th,
  td {
    padding: 0.5rem 0.75rem;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--jl-border);
  }
  th {
    font-size: 0.9375rem;
    background: #f8f9fb;
  }
  .secondary-line {
    display: block;
    font-weight: 400;
    font-size: 0.875rem;
    color: var(--jl-text-muted);
  }
`;

/** A page of its own inside the app shell: links in the app's colour and a heading that starts it. */
export const pageStyles = css`
  :host {
    display: block;
  }
  a {
    color: var(--jl-accent);
  }
  a:hover {
    color: var(--jl-accent-hover);
  }
  h1 {
    margin: 0 0 1rem;
  }
`;
