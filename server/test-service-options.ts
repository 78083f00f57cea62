import type { ServiceOptions } from './compose.js';

/**
 * The options tests compose the services with: short sessions, rooms unloaded at once, no demo
 * accounts and no allowed cross-origin callers. A test names only what it needs differently.
 */
export function testServiceOptions(overrides: Partial<ServiceOptions> = {}): ServiceOptions {
  return {
    sessionIdleMs: 60_000,
    sessionAbsoluteMs: 3_600_000,
    roomGraceMs: 0,
    compactAfterUpdates: 500,
    historyPauseMs: 60_000,
    maxBodyBytes: 4096,
    allowedOrigins: [],
    isDemo: false,
    ...overrides,
  };
}
