import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LetterRelay } from '../sync/letter-relay.js';
import type { RoomExtension } from '../sync/room-extension.js';
import { roomPresenceKey } from '../sync/room-presence.js';
import type { Room } from '../sync/room.js';

/**
 * Tells the other instances with this letter open what happened here: text once the store
 * committed it (so relaying keeps invariant 1), and the presence of this instance's connections.
 * What arrives from them is applied by the room registry.
 */
export function relayPublishing(room: Room, relay: Pick<LetterRelay, 'publish'>): RoomExtension {
  return {
    loaded() {
      // Every extension is built by now, whatever the order of the list: the presence's changes of each tick go out too.
      const presence = room.extension(roomPresenceKey);
      presence?.onSent((owners) => {
        const update = awarenessProtocol.encodeAwarenessUpdate(presence.awareness, owners.map(([clientId]) => clientId));
        relay.publish(room.letterId, { kind: 'presence', update, owners: owners.map(([clientId, userId]) => [clientId, userId]) });
      });
    },
    committed(entries) {
      if (entries.length === 0) return;
      const update = entries.length === 1 ? entries[0]!.update : Y.mergeUpdates(entries.map((entry) => entry.update));
      const owners = entries.flatMap((entry) => entry.newClientIds.map((clientId): [number, string] => [clientId, entry.userId]));
      relay.publish(room.letterId, { kind: 'text', update, owners });
    },
  };
}
