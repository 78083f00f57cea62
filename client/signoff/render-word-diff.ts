import { t } from '../i18n/translate.js';
import { css, html } from 'lit';
import { compareWords } from './word-diff.js';
import { renderRevealedText, revealedTextStyles } from './render-revealed-text.js';

/**
 * Two texts compared word by word, as a paragraph with `<ins>` and `<del>` runs, invisible
 * characters and mixed-script words shown (rules T2, T3). Screen readers hear "added:" and
 * "removed:" before each run; pair with `visuallyHiddenStyles`.
 */
export function renderWordDiff(before: string, after: string) {
  return html`<p class="diff-text">
    ${compareWords(before, after).map((part) =>
      part.kind === 'added'
        ? html`<ins><span class="visually-hidden">${t('signoff.added')} </span>${renderRevealedText(part.text)}</ins>`
        : part.kind === 'removed'
          ? html`<del><span class="visually-hidden">${t('signoff.removed')} </span>${renderRevealedText(part.text)}</del>`
          : renderRevealedText(part.text),
    )}
  </p>`;
}

/** The key to the colours, for sighted readers; the runs themselves already say it in words. */
export function renderDiffLegend() {
  return html`<p class="legend" aria-hidden="true"><ins>${t('signoff.added2')}</ins> <del>${t('signoff.removed2')}</del></p>`;
}

const diffStyles = css`
  .diff-text {
    margin: 0;
    padding: 0.5rem;
    font-family: var(--jl-font-letter);
    background: #fafbfc;
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
    overflow-wrap: anywhere;
  }
  ins {
    color: var(--jl-success);
    background: #e8f3eb;
    text-decoration: underline;
  }
  del {
    color: var(--jl-danger);
    background: var(--jl-danger-soft);
    text-decoration: line-through;
  }
  .legend {
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
  }
`;

export const wordDiffStyles = [diffStyles, revealedTextStyles];
