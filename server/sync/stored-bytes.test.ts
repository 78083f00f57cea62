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
});
