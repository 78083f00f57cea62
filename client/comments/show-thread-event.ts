/** Asks the letter page to open a comment thread in the comment list (a marked passage was clicked or activated). */
export class ShowThreadEvent extends Event {
  static readonly eventName = 'jl-show-thread';

  constructor(readonly threadId: string) {
    super(ShowThreadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [ShowThreadEvent.eventName]: ShowThreadEvent;
  }
}
