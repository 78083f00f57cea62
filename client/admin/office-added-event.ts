import type { Office } from '../../shared/api/offices.js';

/** An administrator added an office; lists of offices elsewhere on the page take it in. */
export class OfficeAddedEvent extends Event {
  static readonly eventName = 'jl-office-added';

  constructor(readonly office: Office) {
    super(OfficeAddedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [OfficeAddedEvent.eventName]: OfficeAddedEvent;
  }
}
