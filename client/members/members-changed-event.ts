import type { Member } from '../../shared/api/members.js';

/** The letter's members changed (added, invited, roles changed, removed); carries the new list. */
export class MembersChangedEvent extends Event {
  static readonly eventName = 'jl-members-changed';

  constructor(readonly members: Member[]) {
    super(MembersChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [MembersChangedEvent.eventName]: MembersChangedEvent;
  }
}
