/** The person asked to sign out: the shell ends the session and shows the sign-in page. */
export class SignOutEvent extends Event {
  static readonly eventName = 'jl-sign-out';

  constructor() {
    super(SignOutEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [SignOutEvent.eventName]: SignOutEvent;
  }
}
