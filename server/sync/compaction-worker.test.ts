import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/api/errors.js';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { WorkerPool } from '../export/worker-pool.js';
import type { TextSnapshot } from '../store/store.js';
import { mergeStoredText } from './text-compaction.js';

const worker = new URL('./compaction-worker.ts', import.meta.url);
const codes = { busy: ErrorCode.internal, overLimit: ErrorCode.internal };

/** The updates of a person typing a paragraph, then deleting part of it and making a word bold. */
function typedUpdates(): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'p1');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
  for (const word of ['The ', 'ministers ', 'of ', 'the ', 'interior ', 'agree.']) text.insert(text.length, word);
  text.delete(4, 10);
  text.format(0, 3, { bold: true });
  return { updates, doc };
}

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('compaction in a worker thread', () => {
  it('merges stored updates into a snapshot that holds exactly the same letter', async () => {
    pool = new WorkerPool({ threads: 1, queueLength: 1, timeoutMs: 60_000, memoryMb: 128, maxPerPerson: 1 });
    const { updates, doc } = typedUpdates();
    const snapshot = await pool.run<unknown, TextSnapshot>('server:compaction', worker, async () => ({ snapshot: null, updates }), codes);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, snapshot.state);
    expect(restored.getXmlFragment(bodyFieldName).toString()).toBe(doc.getXmlFragment(bodyFieldName).toString());
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc));
    expect(snapshot.stateVector).toEqual(Y.encodeStateVector(doc));
    expect(snapshot).toEqual(mergeStoredText({ snapshot: null, updates }));
  });
});
