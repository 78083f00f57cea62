/** An API call or the letter's connection said the session is gone: the shell asks the person to sign in again. */
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
