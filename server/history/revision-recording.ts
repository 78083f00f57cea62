import type { RevisionRecord, RevisionWrite, Store } from '../store/store.js';
import { Connection } from '../sync/connection.js';
import type { RoomExtension } from '../sync/room-extension.js';
import { relayedOrigin, type Room } from '../sync/room.js';
import { ServerEdit } from '../sync/server-edit.js';
import { type ChangeOrigin, RevisionTracker } from './revision-tracker.js';

/**
 * Records paragraph revisions for one room: each applied change is attributed to the connection
 * that sent it (or the person a server edit is for), and its revision writes are stored in the
 * same commit as the change. A sign-off ends the paragraphs' open revisions. Text that has no
 * revision yet (kept before history began) is recorded in the commit of the first change after
 * the document is built, so that it is stored before that change's own revisions.
 */
export function revisionRecording(room: Room, store: Pick<Store, 'history'>, pauseMs: number): RoomExtension {
  let tracker = new RevisionTracker(room.letterId, pauseMs, changeOriginOf);
  let latest: readonly RevisionRecord[] = [];
  /** Text found without a revision when the document was built: recorded with the next change, in its commit. */
  let unrecorded: RevisionWrite[] = [];
  return {
    async loaded() {
      latest = await store.history.latestRevisions(room.letterId);
    },
    async beforeSleep() {
      // Everything is committed, so the store's newest revisions are the ones the tracker holds.
      latest = await store.history.latestRevisions(room.letterId);
    },
    docDropped() {
      tracker.stop();
      // Found again from the stored text when the document is next built.
      unrecorded = [];
      tracker = new RevisionTracker(room.letterId, pauseMs, changeOriginOf);
    },
    docBuilt(doc) {
      unrecorded = tracker.start(doc, latest).map((revision) => ({ op: 'open', revision }));
      latest = [];
    },
    updateApplied(applied) {
      applied.revisions.push(...unrecorded.splice(0), ...tracker.takeWrites());
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
