import { describe, expect, it } from 'vitest';
import { deriveSaveState, SaveState, saveStateText } from './save-state.js';

describe('deriveSaveState', () => {
  const covered = { isAllConfirmed: true };
  const ahead = { isAllConfirmed: false };

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
      'Offline: your edits are kept in this browser until the server is back, then sent',
      'Disconnected',
    ]);
  });
});
