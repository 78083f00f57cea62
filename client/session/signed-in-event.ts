import type { SessionUser } from '../../shared/api/session.js';

/** A person has chosen who they are and the server started their session. */
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
