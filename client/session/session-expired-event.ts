/** An API call answered `unauthenticated`: the shell asks the person who they are again. */
export class SessionExpiredEvent extends Event {
  static readonly eventName = 'jl-session-expired';

  constructor() {
    super(SessionExpiredEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [SessionExpiredEvent.eventName]: SessionExpiredEvent;
  }
}
