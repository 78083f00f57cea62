import type { Role } from '../../shared/domain/roles.js';
import type { LetterStatus } from '../../shared/api/letters.js';

/**
 * What one instance tells the others that have the same letter open. Text is only ever relayed
 * after the sending instance committed it, so passing it on keeps invariant 1.
 */
export type RelayedMessage =
  /**
   * Yjs updates the sender's clients wrote, committed by the sender, and who wrote under each
   * client id they use for the first time: a writer who reconnects to another instance keeps
   * writing under its id there.
   */
  | { kind: 'text'; update: Uint8Array; owners: [clientId: number, userId: string][] }
  /** A presence (awareness) update of the sender's connections, and who owns each client id in it. */
  | { kind: 'presence'; update: Uint8Array; owners: [clientId: number, userId: string][] }
  /** A room opened: every instance sends the presence of its own connections. */
  | { kind: 'presence-query' }
  /** Something may have been missed: every instance reads the stored text again. */
  | { kind: 'catch-up' }
  /** A server-owned message (letter state, 102) for every connection. */
  | { kind: 'letter-state'; message: Uint8Array }
  /** Sign-offs were recorded on these paragraphs: their open revisions end. */
  | { kind: 'signed-off'; paragraphIds: string[] }
  /** A member's roles changed (empty: removed). */
  | { kind: 'access'; userId: string; roles: Role[] }
  /** The letter moved to a status that opens or closes its text (rule C5); who may edit it while it is open. */
  | { kind: 'frozen'; status: LetterStatus; editorIds: string[] };

/**
 * The seam between the rooms of this instance and the other instances (scale-out). Without it
 * the server runs alone. Delivery is best effort: whatever is missed is recovered from the
 * store, which is why `onReconnected` exists.
 */
export interface LetterRelay {
  /** Passes the letter's messages from other instances to `receive`, starting before it resolves. */
  subscribe(letterId: string, receive: (message: RelayedMessage) => void): Promise<void>;
  unsubscribe(letterId: string): void;
  publish(letterId: string, message: RelayedMessage): void;
  /** Sessions ended on this instance (sign-out, new password): every instance closes their sockets. */
  publishSessionsEnded(sessionIds: string[]): void;
  onSessionsEnded(listener: (sessionIds: string[]) => void): void;
  /** Called when the link to the other instances is back after a break: messages may have been lost. */
  onReconnected(listener: () => void): void;
}
