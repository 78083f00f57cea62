import { t } from '../i18n/translate.js';
/**
 * Whether the person's edits are safe, decided only from what the server confirmed: its `saved`
 * messages (see shared/protocol/saved-message.ts and change-confirmations.ts). Pure, so it is
 * tested without a server; letter-connection.ts feeds it.
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
  get [SaveState.connecting]() { return t('editor.connecting'); },
  get [SaveState.saving]() { return t('editor.saving'); },
  get [SaveState.saved]() { return t('editor.allChangesSaved'); },
  get [SaveState.offline]() { return t('editor.offlineYourEditsAreKept'); },
  get [SaveState.disconnected]() { return t('editor.disconnected'); },
};

/** The provider's own three states. */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface SaveInputs {
  connection: ConnectionStatus;
  /** Whether this tab has completed a sync with the server at least once. */
  hasSynced: boolean;
  /** Whether the server confirmed every change of this tab as committed, on the current connection. */
  isAllConfirmed: boolean;
  /** The server closed the connection with a code that says not to reconnect. */
  hasStopped?: boolean;
}

export function deriveSaveState({ connection, hasSynced, isAllConfirmed, hasStopped = false }: SaveInputs): SaveState {
  // Nothing will be sent any more: "kept and sent when the connection returns" would be untrue.
  if (hasStopped) return SaveState.disconnected;
  if (!hasSynced) return connection === 'disconnected' ? SaveState.offline : SaveState.connecting;
  if (connection !== 'connected') return SaveState.offline;
  return isAllConfirmed ? SaveState.saved : SaveState.saving;
}
