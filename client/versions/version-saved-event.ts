import type { VersionSummary } from '../../shared/api/versions.js';

/** The coordinator saved a version; the list of versions takes it in. */
export class VersionSavedEvent extends Event {
  static readonly eventName = 'jl-version-saved';

  constructor(readonly version: VersionSummary) {
    super(VersionSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [VersionSavedEvent.eventName]: VersionSavedEvent;
  }
}
