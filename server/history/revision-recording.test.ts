import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RevisionKind } from '../../shared/api/history.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { RevisionRecord, RevisionWrite, Store } from '../store/store.js';
import { ServerEdit } from '../sync/server-edit.js';
import { loadTestRoom, testMember, updateFrame } from '../sync/test-room.js';
import { revisionRecording } from './revision-recording.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');

/** A room on one stored paragraph with revision recording, and an editor holding the same text. */
async function setUp() {
  const seed = new Y.Doc();
  seed.getXmlFragment(bodyFieldName).insert(0, [newParagraph('The ministers agree.', 'p1')]);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(seed));
  const appended: RevisionRecord[] = [];
  const history = {
    latestRevisions: async () => [],
    appendRevisions: async (revisions: RevisionRecord[]) => void appended.push(...revisions),
  } as unknown as Store['history'];
  const test = await loadTestRoom({
    stored: Y.encodeStateAsUpdate(seed),
    store: { history },
    extensions: [(room) => revisionRecording(room, { history }, 60_000)],
  });
  const { connection } = test.connect(helena);
  /** Helena types `text` at `index` of the paragraph; returns the revision writes stored with it. */
  const type = (index: number, text: string): RevisionWrite[] => {
    const typed = changeOf(editor, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(index, text));
    test.room.receive(connection, updateFrame(typed));
    return test.commitAll().flatMap((entry) => entry.revisions);
  };
  return { ...test, editor, appended, type };
}

describe('revision recording', () => {
  it('H-R1 records text that has no revision yet with the first change, before that change’s own revision', async () => {
    const { type } = await setUp();
    const writes = type(4, 'eight ');
    expect(writes.map((write) => (write.op === 'open' ? [write.revision.paragraphId, write.revision.kind] : write.op))).toEqual([
      ['p1', RevisionKind.recorded],
      ['p1', RevisionKind.edited],
    ]);
  });

  it('H-R2 stores an edit with its revision, attributed to the person and office of the connection that sent it', async () => {
    const { type } = await setUp();
    const [, write] = type(4, 'eight ');
    expect(write).toMatchObject({ op: 'open', revision: { paragraphId: 'p1', kind: RevisionKind.edited, userId: helena.id, officeId: helena.office.id } });
  });

  it('H-R3 folds one person’s typing into one revision until a sign-off, after which the next edit opens a new one', async () => {
    const { room, type } = await setUp();
    const [, opened] = type(4, 'eight ');
    expect(type(0, 'Yes: ')).toEqual([expect.objectContaining({ op: 'extend', id: opened?.op === 'open' ? opened.revision.id : '' })]);
    room.signedOff(['p1']);
    expect(type(0, 'So. ')).toEqual([expect.objectContaining({ op: 'open', revision: expect.objectContaining({ kind: RevisionKind.edited }) })]);
  });

  it('H-R4 attributes a server edit to the person it is made for, as a restore of the named revision', async () => {
    const { room, queued } = await setUp();
    room.doc.transact(() => undefined);
    const edit = room.applyServerEdit(
      new ServerEdit({ userId: helena.id, officeId: helena.office.id }, 'a'.repeat(32)),
      (doc) => ((doc.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Now: '),
      [],
    );
    expect(queued[0]?.revisions).toEqual([
      expect.objectContaining({ op: 'open', revision: expect.objectContaining({ kind: RevisionKind.recorded }) }),
      expect.objectContaining({ op: 'open', revision: expect.objectContaining({ kind: RevisionKind.restored, userId: helena.id, restoredFrom: 'a'.repeat(32) }) }),
    ]);
    room.committed(queued.splice(0), [1]);
    await edit;
  });

  it('H-R5 follows text another instance recorded without recording it again', async () => {
    const { room, editor, type } = await setUp();
    type(0, 'First: ');
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(editor));
    room.applyCommitted(changeOf(elsewhere, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Elsewhere: ')), []);
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(elsewhere));
    // Helena's next edit is judged against the other instance's text: a new revision of hers.
    expect(type(0, 'Here: ')).toEqual([expect.objectContaining({ op: 'open' })]);
  });
});

/** The store's side of revisions: what the commits wrote, newest per paragraph as the store answers it. */
function keptRevisions() {
  const records: RevisionRecord[] = [];
  const write = (writes: readonly RevisionWrite[]) => {
    for (const entry of writes) {
      if (entry.op === 'open') records.push(entry.revision);
      else Object.assign(records.find((record) => record.id === entry.id)!, { endedAt: entry.endedAt, content: entry.content, hash: entry.hash, changes: entry.changes });
    }
  };
  const history = {
    latestRevisions: async () => Array.from(new Map(records.map((record) => [record.paragraphId, record])).values()),
    appendRevisions: async (revisions: RevisionRecord[]) => void records.push(...revisions),
  } as unknown as Store['history'];
  return { records, write, history };
}

describe('revision recording in a room that slept', () => {
  it('H-R6 an idle room revived by a change records exactly that change, and a sign-off made while it slept still ends the revision', async () => {
    const seed = new Y.Doc();
    seed.getXmlFragment(bodyFieldName).insert(0, [newParagraph('The ministers agree.', 'p1'), newParagraph('They sign.', 'p2')]);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(seed));
    const kept = keptRevisions();
    const { room, connect, commitAll } = await loadTestRoom({
      stored: Y.encodeStateAsUpdate(seed),
      store: { history: kept.history },
      extensions: [(loaded) => revisionRecording(loaded, { history: kept.history }, 60_000)],
    });
    const { connection } = connect(helena);
    const type = (index: number, text: string) => {
      const typed = changeOf(editor, (body) => ((body.get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text));
      room.receive(connection, updateFrame(typed));
      const writes = commitAll().flatMap((entry) => entry.revisions);
      kept.write(writes);
      return writes;
    };
    type(0, 'Yes: ');
    expect(await room.sleep(60_000, Date.now() + 60_000)).toBe(true);
    room.signedOff(['p1']);

    const writes = type(0, 'So. ');
    expect(writes).toEqual([expect.objectContaining({ op: 'open', revision: expect.objectContaining({ paragraphId: 'p1', kind: RevisionKind.edited, userId: helena.id }) })]);
    // Nothing else was recorded again on waking: each paragraph's revisions are as they were.
    expect(kept.records.map((record) => [record.paragraphId, record.kind])).toEqual([
      ['p1', RevisionKind.recorded],
      ['p2', RevisionKind.recorded],
      ['p1', RevisionKind.edited],
      ['p1', RevisionKind.edited],
    ]);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toBe(editor.getXmlFragment(bodyFieldName).toString());
  });
});
