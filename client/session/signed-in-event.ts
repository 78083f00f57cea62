import type { SessionUser } from '../../shared/api/session.js';

/** A person signed in (with their password, or by accepting an invitation); the server started their session. */
export class SignedInEvent extends Event {
  static readonly eventName = 'jl-signed-in';

  constructor(readonly user: SessionUser) {
    super(SignedInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [SignedInEvent.eventName]: SignedInEvent;
  }
}
