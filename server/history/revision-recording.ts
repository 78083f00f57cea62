import type { Store } from '../store/store.js';
import { Connection } from '../sync/connection.js';
import type { RoomExtension } from '../sync/room-extension.js';
import { relayedOrigin, type Room } from '../sync/room.js';
import { ServerEdit } from '../sync/server-edit.js';
import { type ChangeOrigin, RevisionTracker } from './revision-tracker.js';

/**
 * Records paragraph revisions for one room: each applied change is attributed to the connection
 * that sent it (or the person a server edit is for), and its revision writes are stored in the
 * same commit as the change. A sign-off ends the paragraphs' open revisions.
 */
export function revisionRecording(room: Room, store: Pick<Store, 'history'>, pauseMs: number): RoomExtension {
  const tracker = new RevisionTracker(room.letterId, pauseMs, changeOriginOf);
  return {
    async loaded() {
      const unrecorded = tracker.start(room.doc, await store.history.latestRevisions(room.letterId));
      if (unrecorded.length > 0) await store.history.appendRevisions(unrecorded);
    },
    updateApplied(applied) {
      applied.revisions.push(...tracker.takeWrites());
    },
    signedOff(paragraphIds) {
      tracker.seal(paragraphIds);
    },
    destroyed() {
      tracker.stop();
    },
  };
}

/** Revisions are attributed to the connection that sent a change, or to the person a server edit is for. */
function changeOriginOf(origin: unknown): ChangeOrigin | null {
  if (origin instanceof Connection) return { author: { userId: origin.user.id, officeId: origin.user.office.id } };
  if (origin instanceof ServerEdit) {
    return { author: origin.author, ...(origin.restoredFrom !== undefined ? { restoredFrom: origin.restoredFrom } : {}) };
  }
  if (origin === relayedOrigin) return { author: { userId: null, officeId: null }, recordedElsewhere: true };
  return null;
}
