import { ProtocolViolation } from './protocol-violation.js';

/** The close code `work` costs its sender, or null when it is taken; any other error is rethrown. */
export function refusalOf(work: () => void): number | null {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof ProtocolViolation) return error.code;
    throw error;
  }
}

/** A clock in milliseconds that moves only when the test moves it. */
export function testClock(start = 0) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
  };
}
