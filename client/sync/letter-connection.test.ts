import { describe, expect, it } from 'vitest';
import { syncServerUrl } from './letter-connection.js';

describe('syncServerUrl', () => {
  it('uses ws:// next to an http page and keeps the port', () => {
    expect(syncServerUrl({ protocol: 'http:', host: '127.0.0.1:8797' })).toBe('ws://127.0.0.1:8797/sync');
  });

  it('uses wss:// next to an https page, so the socket is encrypted too', () => {
    expect(syncServerUrl({ protocol: 'https:', host: 'jointly.example.gov' })).toBe('wss://jointly.example.gov/sync');
  });
});
