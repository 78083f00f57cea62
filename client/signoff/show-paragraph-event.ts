/** Asks the letter page to show this paragraph: put the caret at its start and scroll it into view. */
export class ShowParagraphEvent extends Event {
  static readonly eventName = 'jl-show-paragraph';

  constructor(readonly paragraphId: string) {
    super(ShowParagraphEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [ShowParagraphEvent.eventName]: ShowParagraphEvent;
  }
}
