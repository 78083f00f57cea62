import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { Rate } from '../config.js';
import { ProtocolViolation } from './protocol-violation.js';
import { TokenBucket } from './token-bucket.js';

/**
 * What one connection's sync step 1 requests may cost the server (SYNC_RESYNC_BYTES_PER_SECOND).
 *
 * A stock client asks once per socket, so the first request is free. Each later one is charged the
 * letter's encoded size, not the size of its reply and not a flat count: even a reply that carries
 * nothing walks the whole document (Yjs collects the delete set from every item for each diff),
 * and a crafted state vector can make the reply nearly the whole letter. Charging replies would let
 * many cheap requests through; counting requests would let a few whole-letter ones through at the
 * same rate on a letter a hundred times larger. The letter's size bounds both. (Measured with
 * Yjs 13 on a letter of 20,000 scattered insertions, 645 KB: a reply of 2 bytes to an up-to-date
 * state vector took 1.5 ms, one to a vector naming its writer at clock 1 took 85 ms.)
 *
 * The bucket starts empty (the free first answer stands in for a burst) and fills at the rate, up
 * to one largest letter. A request before it holds the letter's size closes the connection with
 * 1013; a stock client reconnects after a pause, and its new socket's first request is free again.
 *
 * A request while this connection's reply still waits for a commit adds no work: that reply
 * answers the newest state vector instead (a client's state only grows, so it covers both). A
 * socket's free first reply that would turn into a difference so is charged as one.
 */
export class SyncRequestBudget {
  private readonly bucket: TokenBucket | null;
  private answers = 0;
  private waiting: Uint8Array | null = null;
  /** Whether the waiting reply has been charged to the person (a first request worked out as a difference). */
  private waitingCharged = false;

  /**
   * `rate` null: no limit (rooms in unit tests); requests while a reply waits are still merged into it.
   * `person`: the bucket all of one person's connections share (see SyncBudgets). A socket's free
   * first answer is free of this connection's budget only: when it must be worked out as a
   * difference (the client names text the letter holds), it is charged to the person, or someone
   * closing and reopening sockets would get a whole-letter difference for free each time.
   */
  constructor(
    rate: Rate | null,
    now?: () => number,
    private readonly person: TokenBucket | null = null,
  ) {
    if (!rate) {
      this.bucket = null;
      return;
    }
    this.bucket = new TokenBucket(rate, now);
    // Empty at first: the free first answer stands in for the burst.
    this.bucket.take(rate.burst);
  }

  /**
   * A sync step 1 with `stateVector` arrived. True: answer it now or once committed, reading
   * `stateVector` below, and call `answered`. False: a reply is pending already and will answer this
   * newer state vector. Throws a ProtocolViolation (1013) over budget; `letterBytes` is read only then.
   */
  ask(stateVector: Uint8Array, letterBytes: () => number, isDifference: () => boolean = () => true): boolean {
    if (this.waiting !== null) {
      // The waiting reply answers this newer vector: a free first reply must not turn into a difference uncharged.
      if (!this.waitingCharged) this.chargeFirst(letterBytes, isDifference);
      this.waiting = stateVector;
      return false;
    }
    this.waitingCharged = false;
    if (this.answers > 0 && this.bucket) {
      const cost = letterBytes();
      if (this.bucket.waitFor(cost) > 0) throw new ProtocolViolation(CloseCode.tryAgainLater, 'sync step 1 asked again before its budget allowed');
      this.bucket.take(cost);
      this.waitingCharged = true;
    } else {
      this.chargeFirst(letterBytes, isDifference);
    }
    this.waiting = stateVector;
    return true;
  }

  /** A socket's first request, when it must be worked out as a difference, is charged to the person. */
  private chargeFirst(letterBytes: () => number, isDifference: () => boolean): void {
    if (this.answers > 0 || !this.person || !isDifference()) return;
    const cost = letterBytes();
    if (this.person.waitFor(cost) > 0) throw new ProtocolViolation(CloseCode.tryAgainLater, 'sync step 1 on new sockets beyond the person’s budget');
    this.person.take(cost);
    this.waitingCharged = true;
  }

  /** The state vector the pending reply answers: the newest one asked for. */
  get stateVector(): Uint8Array {
    if (this.waiting === null) throw new Error('no sync step 1 is waiting for its reply');
    return this.waiting;
  }

  /** Whether a sync step 1 of this connection was answered already (a stock client asks once per socket). */
  get hasAnswered(): boolean {
    return this.answers > 0;
  }

  /**
   * Whether the waiting reply may be worked out as a difference. Not for a socket's first request
   * that was free of the person's budget: what the letter holds may have changed by the time the
   * reply is made (a writer it named committed meanwhile), so it gets the stored bytes as they are.
   */
  get mayDiffer(): boolean {
    return this.waitingCharged || this.answers > 0 || !this.person;
  }

  /** The pending reply was made; the next request draws from the bucket. */
  answered(): void {
    this.waiting = null;
    this.answers++;
  }
}
