import type { LetterStateMessage } from '../api/signoffs.js';

/** What a client does with one letter-state message (102). */
export interface LetterStateDecision {
  /** Fold the message into the state shown. */
  apply: boolean;
  /** Send `letter-state-request` (103): the server answers with a fresh full state. */
  askForFull: boolean;
}

/**
 * The order of letter-state messages on one connection. Every change has the next number of the
 * letter's counter, which the store keeps for every instance; a full state has the number of
 * the latest change it holds at least. So a client:
 * - applies a full state unless it already holds a newer one;
 * - applies the change right after the one it holds, ignores one it holds already;
 * - on a gap (a change further ahead, or any change before the first full state) applies nothing
 *   and asks for a full state, which will be at least as new as everything seen when it asked;
 * - asks again when a full state arrives older than a change it has seen meanwhile.
 * One question at a time: a full state is always on its way after joining, or after asking.
 */
export class LetterStateSequence {
  /** The number of the state held; null before the first full state. */
  private held: number | null = null;
  /** The highest number seen on this connection. */
  private seen = 0;
  private isAwaitingFull = true;

  /** A new connection: the server sends a full state on joining. */
  restart(): void {
    this.held = null;
    this.seen = 0;
    this.isAwaitingFull = true;
  }

  receive(message: LetterStateMessage): LetterStateDecision {
    this.seen = Math.max(this.seen, message.seq);
    if (message.kind === 'full') {
      this.isAwaitingFull = false;
      const apply = this.held === null || message.seq >= this.held;
      if (apply) this.held = message.seq;
      return { apply, askForFull: this.askIfBehind() };
    }
    if (this.held !== null && message.seq <= this.held) return { apply: false, askForFull: false };
    if (this.held !== null && message.seq === this.held + 1) {
      this.held = message.seq;
      return { apply: true, askForFull: false };
    }
    return { apply: false, askForFull: this.askIfBehind() };
  }

  private askIfBehind(): boolean {
    if (this.isAwaitingFull || (this.held !== null && this.seen <= this.held)) return false;
    this.isAwaitingFull = true;
    return true;
  }
}
