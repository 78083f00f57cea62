import { describe, expect, it } from 'vitest';
import type { RelayedMessage } from '../sync/letter-relay.js';
import { decodeLetterEnvelope, decodeSessionsEnvelope, encodeLetterEnvelope, encodeSessionsEnvelope } from './relay-codec.js';

describe('relay codec', () => {
  const bytes = new Uint8Array([0, 1, 127, 128, 255]);
  const messages: RelayedMessage[] = [
    { kind: 'text', update: bytes, owners: [[42, 'user-1']] },
    { kind: 'presence', update: bytes, owners: [[42, 'user-1']] },
    { kind: 'presence-query' },
    { kind: 'catch-up' },
    { kind: 'letter-state', message: bytes.subarray(1, 3) },
    { kind: 'access', userId: 'user-1', roles: ['drafter', 'approver'] },
    { kind: 'frozen', status: 'ready', editorIds: ['user-1'] },
  ];

  it.each(messages)('carries $kind unchanged, bytes included', (message) => {
    expect(decodeLetterEnvelope(encodeLetterEnvelope('instance-a', message))).toEqual({ from: 'instance-a', message });
  });

  it('reads text from an instance of the release before, which sent no owners', () => {
    const earlier = JSON.stringify({ from: 'instance-a', message: { kind: 'text', update: 'AAE=' } });
    expect(decodeLetterEnvelope(earlier)).toEqual({ from: 'instance-a', message: { kind: 'text', update: new Uint8Array([0, 1]), owners: [] } });
  });

  it('carries ended sessions', () => {
    expect(decodeSessionsEnvelope(encodeSessionsEnvelope('instance-a', ['s1', 's2']))).toEqual({ from: 'instance-a', sessionIds: ['s1', 's2'] });
  });

  it('refuses what it cannot read instead of throwing', () => {
    for (const text of ['not json', '{}', JSON.stringify({ from: 'x', message: { kind: 'access', userId: 'u', roles: ['emperor'] } })]) {
      expect(decodeLetterEnvelope(text)).toBeNull();
    }
    expect(decodeSessionsEnvelope('[1]')).toBeNull();
  });
});
