/** Several paragraphs were approved at once for the person's office; carries how many. */
export class ApprovalsRecordedEvent extends Event {
  static readonly eventName = 'jl-approvals-recorded';

  constructor(readonly count: number) {
    super(ApprovalsRecordedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [ApprovalsRecordedEvent.eventName]: ApprovalsRecordedEvent;
  }
}
