/**
 * Numbers one connection's update frames (sync step 2 and update, in the order they arrive) and
 * remembers which room commit each one waits for, so that `saved` can name the highest frame
 * committed. See PROTOCOL.md, "When is a change saved?".
 */
export class FrameConfirmations {
  private received = 0;
  /** Frames waiting for a commit, oldest first; `commit` is the room's applied count to reach. */
  private readonly waiting: { frame: number; commit: number }[] = [];

  /** The number of the update frame that has just arrived. */
  numberNext(): number {
    this.received += 1;
    return this.received;
  }

  /** The number of the last update frame that arrived (0 before the first). */
  get lastNumbered(): number {
    return this.received;
  }

  /** `frame` (and every frame before it) is stored once the room has committed `commit` updates. */
  waitFor(frame: number, commit: number): void {
    const last = this.waiting.at(-1);
    // Frames that wait for the same commit are confirmed by one message: keep only the highest.
    if (last && last.commit === commit) last.frame = frame;
    else this.waiting.push({ frame, commit });
  }

  /** The highest frame that `committedCount` covers and that was not confirmed yet, or null. */
  takeCovered(committedCount: number): number | null {
    let covered: number | null = null;
    while (this.waiting.length > 0 && this.waiting[0]!.commit <= committedCount) covered = this.waiting.shift()!.frame;
    return covered;
  }
}
