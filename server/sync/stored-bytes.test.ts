import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoredBytes } from './stored-bytes.js';

/** A writer whose every keystroke is one update, as the store keeps them. */
function keystrokes(count: number) {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const updates: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const before = Y.encodeStateVector(doc);
    if (index % 5 === 4) text.delete(0, 1);
    else text.insert(text.length, String(index % 10));
    updates.push(Y.encodeStateAsUpdate(doc, before));
  }
  return { doc, updates };
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
};

describe('stored bytes', () => {
  it('hold exactly the text of a snapshot and every update kept after it, however many', () => {
    const { doc, updates } = keystrokes(1000);
    const snapshot = Y.mergeUpdates(updates.slice(0, 100));
    const stored = new StoredBytes([snapshot]);
    for (const update of updates.slice(100)) stored.keep(update);
    expect(stored.all.length).toBeLessThanOrEqual(129);
    expect(textOf(stored.state())).toBe(doc.getText('body').toString());
  });

  it('give a client that holds part of the text only what it lacks', () => {
    const { doc, updates } = keystrokes(50);
    const stored = new StoredBytes(updates);
    const client = new Y.Doc();
    for (const update of updates.slice(0, 20)) Y.applyUpdate(client, update);
    const missing = stored.missingFrom(Y.encodeStateVector(client));
    expect(missing.length).toBeLessThan(stored.state().length);
    Y.applyUpdate(client, missing);
    expect(client.getText('body').toString()).toBe(doc.getText('body').toString());
    expect(stored.stateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it('know how far the text reaches from the vector stored with the snapshot and the updates after it, as merging them would tell', () => {
    const { doc, updates } = keystrokes(300);
    const snapshotDoc = new Y.Doc();
    for (const update of updates.slice(0, 200)) Y.applyUpdate(snapshotDoc, update);
    const stored = new StoredBytes([Y.encodeStateAsUpdate(snapshotDoc), ...updates.slice(200, 250)], Y.encodeStateVector(snapshotDoc));
    for (const update of updates.slice(250)) stored.keep(update);
    expect(stored.stateVector()).toEqual(Y.encodeStateVector(doc));
    expect(stored.stateVector()).toEqual(Y.encodeStateVectorFromUpdate(stored.state()));
  });

  it('take the snapshot\'s stored vector as it is, without reading the snapshot\'s items for it', () => {
    const { doc, updates } = keystrokes(10);
    const snapshot = Y.mergeUpdates(updates.slice(0, 5));
    const writer = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshot)).keys().next().value!;
    // A vector that differs from what the snapshot's items would give shows which one was used.
    const storedVector = Y.encodeStateVector(new Map([[writer, 5], [424242, 7]]));
    const stored = new StoredBytes([snapshot, ...updates.slice(5)], storedVector);
    expect(Y.decodeStateVector(stored.stateVector())).toEqual(new Map([[writer, Y.getState(doc.store, writer)], [424242, 7]]));
  });
});
