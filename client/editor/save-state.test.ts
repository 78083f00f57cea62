import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveSaveState, isCoveredBy, mergeStateVectors, SaveState, saveStateText } from './save-state.js';

const vector = (entries: [number, number][]) => new Map(entries);

describe('isCoveredBy', () => {
  it('is true when the server committed every clock, or more', () => {
    expect(isCoveredBy(vector([[1, 5], [2, 3]]), vector([[1, 5], [2, 4], [3, 1]]))).toBe(true);
  });

  it('is false when one client is behind', () => {
    expect(isCoveredBy(vector([[1, 5], [2, 3]]), vector([[1, 5], [2, 2]]))).toBe(false);
  });

  it('is false when the server has not seen a client at all', () => {
    expect(isCoveredBy(vector([[7, 1]]), vector([]))).toBe(false);
  });

  it('is true for an empty document', () => {
    expect(isCoveredBy(vector([]), vector([]))).toBe(true);
  });

  it('works with real Yjs state vectors', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    const server = new Y.Doc();
    expect(isCoveredBy(local, Y.decodeStateVector(Y.encodeStateVector(server)))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    expect(isCoveredBy(local, Y.decodeStateVector(Y.encodeStateVector(server)))).toBe(true);
  });
});

describe('mergeStateVectors', () => {
  it('keeps the larger clock of each client', () => {
    expect(mergeStateVectors(vector([[1, 5], [2, 1]]), vector([[1, 3], [2, 4], [3, 2]]))).toEqual(
      vector([[1, 5], [2, 4], [3, 2]]),
    );
  });
});

describe('deriveSaveState', () => {
  const covered = { local: vector([[1, 2]]), saved: vector([[1, 2]]) };
  const ahead = { local: vector([[1, 3]]), saved: vector([[1, 2]]) };

  it('says Connecting… until the first sync', () => {
    expect(deriveSaveState({ connection: 'connecting', hasSynced: false, ...covered })).toBe(SaveState.connecting);
    expect(deriveSaveState({ connection: 'connected', hasSynced: false, ...covered })).toBe(SaveState.connecting);
  });

  it('says All changes saved only when the server confirmed every local change', () => {
    expect(deriveSaveState({ connection: 'connected', hasSynced: true, ...covered })).toBe(SaveState.saved);
  });

  it('says Saving… while connected with unconfirmed changes', () => {
    expect(deriveSaveState({ connection: 'connected', hasSynced: true, ...ahead })).toBe(SaveState.saving);
  });

  it('says Offline whenever the provider is not connected after the first sync', () => {
    expect(deriveSaveState({ connection: 'disconnected', hasSynced: true, ...covered })).toBe(SaveState.offline);
    expect(deriveSaveState({ connection: 'connecting', hasSynced: true, ...ahead })).toBe(SaveState.offline);
  });

  it('says Offline when the tab starts without a network', () => {
    expect(deriveSaveState({ connection: 'disconnected', hasSynced: false, ...covered })).toBe(SaveState.offline);
  });

  it('says Disconnected, not Offline, once the server closed the connection for good', () => {
    expect(deriveSaveState({ connection: 'disconnected', hasSynced: true, hasStopped: true, ...ahead })).toBe(SaveState.disconnected);
  });

  it('uses the exact wording', () => {
    expect(Object.values(saveStateText)).toEqual([
      'Connecting…',
      'Saving…',
      'All changes saved',
      'Offline: your edits are kept in this tab and sent when the connection returns',
      'Disconnected',
    ]);
  });
});
