import type { ParagraphInfo } from '../signoff/paragraph-signoff.js';

/** The paragraph holding the caret changed, or its text did; `null` when the caret is in none. */
export class ParagraphFocusEvent extends Event {
  static readonly eventName = 'jl-paragraph-focus';

  constructor(readonly paragraph: ParagraphInfo | null) {
    super(ParagraphFocusEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [ParagraphFocusEvent.eventName]: ParagraphFocusEvent;
  }
}
