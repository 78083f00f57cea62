/**
 * Whether the person's edits are safe, decided only from what the server confirmed: the state
 * vector of its last `saved` message (see shared/protocol/saved-message.ts). Pure, so it is tested
 * without a server; letter-connection.ts feeds it.
 */

export const SaveState = {
  connecting: 'connecting',
  saving: 'saving',
  saved: 'saved',
  offline: 'offline',
  /** The server closed the connection for good; the page says why. */
  disconnected: 'disconnected',
} as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/** What each state says to the person, word for word. */
export const saveStateText: Record<SaveState, string> = {
  [SaveState.connecting]: 'Connecting…',
  [SaveState.saving]: 'Saving…',
  [SaveState.saved]: 'All changes saved',
  [SaveState.offline]: 'Offline: your edits are kept in this tab and sent when the connection returns',
  [SaveState.disconnected]: 'Disconnected',
};

/** The provider's own three states. */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** Yjs state vector: client id -> number of operations seen from that client. */
export type StateVector = ReadonlyMap<number, number>;

export interface SaveInputs {
  connection: ConnectionStatus;
  /** Whether this tab has completed a sync with the server at least once. */
  hasSynced: boolean;
  /** The state vector of the local document. */
  local: StateVector;
  /** Everything the server confirmed as committed, merged over all `saved` messages. */
  saved: StateVector;
  /** The server closed the connection with a code that says not to reconnect. */
  hasStopped?: boolean;
}

/** True when every operation of the local document is within what the server committed. */
export function isCoveredBy(local: StateVector, saved: StateVector): boolean {
  for (const [client, clock] of local) {
    if ((saved.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Combines two confirmations; commits only grow, so the larger clock per client wins. */
export function mergeStateVectors(first: StateVector, second: StateVector): Map<number, number> {
  const merged = new Map(first);
  for (const [client, clock] of second) {
    if ((merged.get(client) ?? 0) < clock) merged.set(client, clock);
  }
  return merged;
}

export function deriveSaveState({ connection, hasSynced, local, saved, hasStopped = false }: SaveInputs): SaveState {
  // Nothing will be sent any more: "kept and sent when the connection returns" would be untrue.
  if (hasStopped) return SaveState.disconnected;
  if (!hasSynced) return connection === 'disconnected' ? SaveState.offline : SaveState.connecting;
  if (connection !== 'connected') return SaveState.offline;
  return isCoveredBy(local, saved) ? SaveState.saved : SaveState.saving;
}
