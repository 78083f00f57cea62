import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { changeOf } from '../../tests/integration/harness/letter-body.js';
import { createLogger } from '../logger.js';
import type { Store, TextSnapshot } from '../store/store.js';
import { compaction } from './compaction.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');

/** A store that keeps the updates appended to it and the snapshot compaction writes. */
function keptText() {
  const kept = { snapshot: null as TextSnapshot | null, updates: [] as Uint8Array[], compactions: 0 };
  const text = {
    loadText: async () => ({
      snapshot: kept.snapshot?.state ?? null,
      snapshotStateVector: kept.snapshot?.stateVector ?? null,
      updates: [...kept.updates],
      lastSeq: kept.updates.length,
      clientOwners: new Map(),
      generation: 'original',
    }),
    compactText: async (_letterId: string, snapshot: TextSnapshot) => {
      kept.snapshot = snapshot;
      kept.updates = [];
      kept.compactions++;
    },
  } as unknown as Store['text'];
  return { kept, text };
}

describe('compaction', () => {
  it('merges the stored updates into one snapshot once as many as the setting are stored, keeping the text', async () => {
    const { kept, text } = keptText();
    const store = { text } as Store;
    const { room, connect, commitAll } = await loadTestRoom({
      store: { text },
      extensions: [(loaded) => compaction(loaded, { store, logger: createLogger('silent'), compactAfterUpdates: 3 })],
    });
    const { connection } = connect(helena);
    const editor = new Y.Doc();
    const body = editor.getXmlFragment(bodyFieldName);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', 'p1');
    paragraph.insert(0, [new Y.XmlText()]);
    const sendChange = (change: () => void) => {
      room.receive(connection, updateFrame(changeOf(editor, change)));
      commitAll((entries) => kept.updates.push(...entries.map((entry) => entry.update)));
    };
    sendChange(() => body.insert(0, [paragraph]));
    sendChange(() => (paragraph.get(0) as Y.XmlText).insert(0, 'The ministers'));
    await room.compacted();
    expect(kept.compactions).toBe(0);

    sendChange(() => (paragraph.get(0) as Y.XmlText).insert(13, ' agree.'));
    await room.compacted();
    expect(kept.compactions).toBe(1);
    expect(kept.updates).toEqual([]);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, kept.snapshot!.state);
    expect(fromSnapshot.getXmlFragment(bodyFieldName).toString()).toBe(body.toString());
    // Stored with the snapshot, so that the next load need not read every item of it for a joiner.
    expect(kept.snapshot!.stateVector).toEqual(Y.encodeStateVector(editor));
  });
});
