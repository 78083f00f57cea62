/**
 * Presence changes of one room gathered over one turn of the event loop and sent as one message:
 * a person moving their caret many times a tick, or many people at once, costs each reader one
 * message per tick, so fan-out grows with the readers, not with the changes times the readers.
 * A client changed twice in a tick is sent once, with its latest state.
 */
export class PresenceBatch {
  /** Changed presence client ids, with the person whose connection here changed it (null: from elsewhere). */
  private readonly changed = new Map<number, string | null>();
  private scheduled: NodeJS.Immediate | null = null;

  constructor(private readonly flush: (changed: ReadonlyMap<number, string | null>) => void) {}

  add(clients: readonly number[], ownerId: string | null): void {
    for (const clientId of clients) this.changed.set(clientId, ownerId);
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      const changed = new Map(this.changed);
      this.changed.clear();
      if (changed.size > 0) this.flush(changed);
    });
  }

  /** Drops what was not sent yet (the room is going away). */
  cancel(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.changed.clear();
  }
}
