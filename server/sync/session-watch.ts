import { CloseCode } from '../../shared/protocol/close-codes.js';

/**
 * Records a use of the session at `usedAt` (if given) and answers when the session ends if
 * nothing uses it again; null once it has ended (it is then ended everywhere).
 */
export type RenewSession = (sessionId: string, usedAt: number | null) => Promise<number | null>;

/** setTimeout's longest delay; a longer wait is re-armed when it fires. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Ends one connection at its session's end, to the millisecond: a timer at the moment the
 * session would end (its absolute or its idle expiry, whichever is first). When it fires, the
 * connection's last use is recorded and the end asked for again; a session still in use, on this
 * socket or anywhere else, gets a later end and a new timer. A frame that arrives once that moment
 * has passed is not handled until the answer is in (see `isAccepting` and `check`).
 */
export class SessionWatch {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<boolean> | null = null;
  private stopped = false;

  constructor(
    private readonly sessionId: string,
    private endsAt: number,
    /** When the connection last used the session (see Connection.lastUsedAt). */
    private readonly lastUse: () => number | null,
    private readonly renew: RenewSession,
    /** Called once when the session has ended (4401) or could not be checked (4500: reconnect and be checked afresh). */
    private readonly onEnded: (code: CloseCode) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.arm();
  }

  /** Whether a frame may be handled now without asking: the session has not reached its end. */
  get isAccepting(): boolean {
    return !this.stopped && this.checking === null && this.now() < this.endsAt;
  }

  /** Asks whether the session goes on (one question at a time); ends the connection if it does not. */
  check(): Promise<boolean> {
    this.checking ??= this.ask().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async ask(): Promise<boolean> {
    if (this.stopped) return false;
    let next: number | null;
    try {
      next = await this.renew(this.sessionId, this.lastUse());
    } catch {
      return this.end(CloseCode.storeFailure);
    }
    if (this.stopped) return false;
    if (next === null) return this.end(CloseCode.unauthenticated);
    this.endsAt = next;
    this.arm();
    return true;
  }

  private end(code: CloseCode): false {
    this.stop();
    this.onEnded(code);
    return false;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), Math.min(Math.max(0, this.endsAt - this.now()), maxTimerMs));
    this.timer.unref();
  }
}
