import { css, html, type TemplateResult } from 'lit';
import { findMixedScriptWords, revealInvisibleCharacters } from '../../shared/domain/text-policy.js';

type Rendered = (TemplateResult | string)[];

/** Invisible characters as visible marks with their code point (rule T2); the rest as it is. */
function revealInvisible(text: string): Rendered {
  return revealInvisibleCharacters(text).map((piece) =>
    'text' in piece ? piece.text : html`<span class="invisible-mark" title=${piece.name}>${piece.label}</span>`,
  );
}

/**
 * Text as people checking it should see it: zero-width characters and soft hyphens drawn as marks
 * (T2) and words that mix Latin with Cyrillic or Greek letters outlined and named (T3). Pair with
 * `revealedTextStyles`.
 */
export function renderRevealedText(text: string): Rendered {
  const rendered: Rendered = [];
  let rest = 0;
  for (const { word, index, scripts } of findMixedScriptWords(text)) {
    rendered.push(...revealInvisible(text.slice(rest, index)));
    rendered.push(html`<span class="mixed-script">${revealInvisible(word)}<span class="script-note"> (${scripts.join(' + ')})</span></span>`);
    rest = index + word.length;
  }
  rendered.push(...revealInvisible(text.slice(rest)));
  return rendered;
}

export const revealedTextStyles = css`
  .invisible-mark {
    display: inline-block;
    margin-inline: 0.0625rem;
    padding: 0 0.1875rem;
    font-family: var(--jl-font);
    font-size: 0.6875rem;
    line-height: 1.3;
    vertical-align: middle;
    color: var(--jl-danger);
    border: 1px dashed var(--jl-danger);
    border-radius: 3px;
  }
  .mixed-script {
    outline: 2px dotted var(--jl-warning);
    outline-offset: 1px;
  }
  .script-note {
    font-family: var(--jl-font);
    font-size: 0.75rem;
    color: var(--jl-warning);
  }
`;
