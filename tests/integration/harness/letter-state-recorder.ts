import type * as decoding from 'lib0/decoding';
import type { LetterStateMessage } from '../../../shared/api/signoffs.js';
import type { AccessChange } from '../../../shared/protocol/access-message.js';
import { readAccessMessage } from '../../../shared/protocol/access-message.js';
import { readLetterStateMessage } from '../../../shared/protocol/letter-state-message.js';
import { MessageType } from '../../../shared/protocol/message-types.js';
import type { SyncClient } from './sync-client.js';

/** What the server pushed to a client on its own channel: letter state (102) and access changes (101). */
export interface ServerMessages {
  states: LetterStateMessage[];
  accessChanges: AccessChange[];
}

/** Records the server-owned messages `client` receives from now on. */
export function recordServerMessages(client: SyncClient): ServerMessages {
  const recorded: ServerMessages = { states: [], accessChanges: [] };
  client.provider.messageHandlers[MessageType.letterState] = (_encoder: unknown, decoder: decoding.Decoder) => {
    recorded.states.push(readLetterStateMessage(decoder));
  };
  client.provider.messageHandlers[MessageType.access] = (_encoder: unknown, decoder: decoding.Decoder) => {
    recorded.accessChanges.push(readAccessMessage(decoder));
  };
  return recorded;
}
