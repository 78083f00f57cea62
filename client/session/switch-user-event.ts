/** The person asked to act as someone else: the shell ends the session and shows the picker. */
export class SwitchUserEvent extends Event {
  static readonly eventName = 'jl-switch-user';

  constructor() {
    super(SwitchUserEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [SwitchUserEvent.eventName]: SwitchUserEvent;
  }
}
