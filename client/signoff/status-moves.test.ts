import { describe, expect, it } from 'vitest';
import { statusMoves } from './status-moves.js';

describe('statusMoves', () => {
  it('asks for a reason only when a signed letter is reopened', () => {
    expect(statusMoves('signed').filter((move) => move.needsReason).map((move) => move.to)).toEqual(['in_review']);
    expect(statusMoves('in_review').some((move) => move.needsReason)).toBe(false);
  });

  it('offers nothing once the letter is sent', () => {
    expect(statusMoves('sent')).toEqual([]);
  });

  it('labels the moves the shared course allows, in the order it lists them', () => {
    expect(statusMoves('in_review').map((move) => move.label)).toEqual(['Mark ready to sign', 'Back to drafting']);
    expect(statusMoves('ready').map((move) => move.label)).toEqual(['Back to review']);
    expect(statusMoves('signed').map((move) => move.label)).toEqual(['Mark as sent', 'Reopen for review']);
  });
});
