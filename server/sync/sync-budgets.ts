import type { SyncBudget } from '../config.js';
import { FrameThrottle } from './frame-throttle.js';
import { TokenBucket } from './token-bucket.js';

/** Who a websocket belongs to, for counting it against the connection limits. */
export interface ConnectionOwner {
  sessionId: string;
  userId: string;
  address: string;
  /** The letter the websocket joins: the server's work on a person's frames is counted per letter too. */
  letterId: string;
}

interface PersonBudget {
  frames: TokenBucket;
  bytes: TokenBucket;
  work: TokenBucket | null;
  connections: number;
}

interface LetterWork {
  work: TokenBucket;
  connections: number;
}

/**
 * The budgets of one server process: how many websockets each session, person and address may
 * hold open, the frame and byte rates of each person across all their connections, and the time
 * the server may spend on a person's frames in one letter and in all. A person's buckets are kept
 * when their last connection closes, until they have filled again: closing a socket and opening
 * another must not give a sender a fresh budget. Scaled out, each instance counts its own.
 */
export class SyncBudgets {
  private readonly persons = new Map<string, PersonBudget>();
  private readonly workByPersonLetter = new Map<string, LetterWork>();
  private readonly perSession = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly resyncByPerson = new Map<string, TokenBucket>();
  private readonly stateRequestsByPerson = new Map<string, TokenBucket>();
  private readonly joinsByPerson = new Map<string, TokenBucket>();
  private readonly newClientIdsByPerson = new Map<string, TokenBucket>();

  /** `now`: the clock of the buckets that outlive a connection (tests); a connection's own read performance.now(). */
  constructor(
    readonly budget: SyncBudget,
    private readonly now?: () => number,
  ) {}

  /**
   * Counts a new connection in and returns its throttle, or returns which limit it would exceed.
   * Synchronous, so that sockets opening at the same moment cannot all slip under a limit.
   */
  open(
    owner: ConnectionOwner,
    deliver: (frame: Uint8Array) => void,
  ): { throttle: FrameThrottle; resync: TokenBucket | null; stateRequests: TokenBucket | null; newClientIds: TokenBucket | null } | { refused: string } {
    const { maxConnectionsPerSession, maxConnectionsPerPerson, maxConnectionsPerAddress } = this.budget;
    const person = this.persons.get(owner.userId);
    if (isAtLimit(this.perSession.get(owner.sessionId) ?? 0, maxConnectionsPerSession)) return { refused: 'too many connections for this session' };
    if (isAtLimit(person?.connections ?? 0, maxConnectionsPerPerson)) return { refused: 'too many connections for this person' };
    if (isAtLimit(this.perAddress.get(owner.address) ?? 0, maxConnectionsPerAddress)) return { refused: 'too many connections from this address' };
    const personBudget = person ?? {
      frames: new TokenBucket(this.budget.personFrames, this.now),
      bytes: new TokenBucket(this.budget.personBytes, this.now),
      work: this.budget.personWorkMs ? new TokenBucket(this.budget.personWorkMs, this.now) : null,
      connections: 0,
    };
    personBudget.connections++;
    this.persons.set(owner.userId, personBudget);
    increment(this.perSession, owner.sessionId, 1);
    increment(this.perAddress, owner.address, 1);
    const own = {
      frames: new TokenBucket(this.budget.connectionFrames),
      bytes: new TokenBucket(this.budget.connectionBytes),
      work: this.letterWorkOf(owner),
    };
    return {
      throttle: new FrameThrottle([own, personBudget], this.budget.maxDelayMs, deliver),
      resync: this.resyncOf(owner.userId),
      stateRequests: this.stateRequestsOf(owner.userId),
      newClientIds: this.newClientIdsOf(owner.userId),
    };
  }

  /** The server's work on the person's frames in this letter (SYNC_WORK_MS_PER_SECOND), shared by their sockets of it. */
  private letterWorkOf(owner: ConnectionOwner): TokenBucket | null {
    if (!this.budget.letterWorkMs) return null;
    const key = `${owner.userId} ${owner.letterId}`;
    let entry = this.workByPersonLetter.get(key);
    if (!entry) this.workByPersonLetter.set(key, (entry = { work: new TokenBucket(this.budget.letterWorkMs, this.now), connections: 0 }));
    entry.connections++;
    return entry.work;
  }

  /**
   * The bucket of new Yjs client ids a person writes text under (SYNC_NEW_CLIENT_IDS_PER_HOUR), in
   * every letter: kept when their sockets close, as reopening a socket is how a new id comes.
   */
  private newClientIdsOf(userId: string): TokenBucket | null {
    if (!this.budget.newClientIds) return null;
    let bucket = this.newClientIdsByPerson.get(userId);
    if (!bucket) this.newClientIdsByPerson.set(userId, (bucket = new TokenBucket(this.budget.newClientIds, this.now)));
    return bucket;
  }

  /**
   * The bucket of a person's requests for the full letter state (103), each a read of the store.
   * Kept when their last socket closes, like the resync bucket: reopening sockets must not fill it.
   */
  private stateRequestsOf(userId: string): TokenBucket | null {
    if (!this.budget.stateRequests) return null;
    let bucket = this.stateRequestsByPerson.get(userId);
    if (!bucket) this.stateRequestsByPerson.set(userId, (bucket = new TokenBucket(this.budget.stateRequests)));
    return bucket;
  }

  /**
   * The bucket of a person's first sync answers worked out as a difference (see SyncRequestBudget).
   * Kept when their last socket closes, unlike the other buckets: closing every socket and opening
   * new ones must not fill it again. One small bucket per person who connected since the start.
   */
  private resyncOf(userId: string): TokenBucket | null {
    if (!this.budget.personResyncBytes) return null;
    let bucket = this.resyncByPerson.get(userId);
    if (!bucket) this.resyncByPerson.set(userId, (bucket = new TokenBucket(this.budget.personResyncBytes)));
    return bucket;
  }

  /**
   * Charges one websocket join to the person (SYNC_JOINS_PER_MINUTE); false when their budget is
   * spent, and nothing is taken then. Called before the join reads anything of the letter from the
   * store. The bucket is kept when their sockets close, like the resync and letter state buckets:
   * opening and closing sockets in a loop is what it rations.
   */
  join(userId: string): boolean {
    if (!this.budget.joins) return true;
    let bucket = this.joinsByPerson.get(userId);
    if (!bucket) this.joinsByPerson.set(userId, (bucket = new TokenBucket(this.budget.joins, this.now)));
    if (bucket.waitFor(1) > 0) return false;
    bucket.take(1);
    return true;
  }

  /** Counts a connection that `open` let in back out. */
  close(owner: ConnectionOwner): void {
    increment(this.perSession, owner.sessionId, -1);
    increment(this.perAddress, owner.address, -1);
    const person = this.persons.get(owner.userId);
    if (person) person.connections--;
    const letterWork = this.workByPersonLetter.get(`${owner.userId} ${owner.letterId}`);
    if (letterWork) letterWork.connections--;
    this.forgetRefilled();
  }

  /** Drops the kept buckets of people and letters without a connection once they are full: a new one would be the same. */
  private forgetRefilled(): void {
    for (const [userId, person] of this.persons) {
      if (person.connections === 0 && person.frames.isFull() && person.bytes.isFull() && (person.work?.isFull() ?? true)) this.persons.delete(userId);
    }
    for (const [key, entry] of this.workByPersonLetter) if (entry.connections === 0 && entry.work.isFull()) this.workByPersonLetter.delete(key);
  }
}

function isAtLimit(count: number, limit: number): boolean {
  return limit > 0 && count >= limit;
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
