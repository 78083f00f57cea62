import { describe, expect, it } from 'vitest';
import { SignoffAction, SignoffState, deriveSignoffState, isLetterReady, tallyParagraph } from './signoff-state.js';

const approve = (hash: string) => ({ action: SignoffAction.approve, hash, reason: null });

describe('sign-off state', () => {
  it('S1 a paragraph no office acted on is pending', () => {
    expect(deriveSignoffState(undefined, 'h1')).toBe(SignoffState.pending);
  });

  it('S2 an approval of the current text is approved', () => {
    expect(deriveSignoffState(approve('h1'), 'h1')).toBe(SignoffState.approved);
  });

  it('S3 an approval of other text is stale', () => {
    expect(deriveSignoffState(approve('h1'), 'h2')).toBe(SignoffState.stale);
  });

  it('S4 going back to the approved text makes the approval current again', () => {
    const act = approve('h1');
    expect(deriveSignoffState(act, 'h2')).toBe(SignoffState.stale);
    expect(deriveSignoffState(act, 'h1')).toBe(SignoffState.approved);
  });

  it('S5 a request for changes stays until the office acts again, whatever the text does', () => {
    const act = { action: SignoffAction.requestChanges, hash: 'h1', reason: 'Name the Council meeting.' };
    expect(deriveSignoffState(act, 'h1')).toBe(SignoffState.changesRequested);
    expect(deriveSignoffState(act, 'h9')).toBe(SignoffState.changesRequested);
  });

  it('S6 withdrawing returns to pending', () => {
    expect(deriveSignoffState({ action: SignoffAction.withdraw, hash: 'h1', reason: null }, 'h1')).toBe(SignoffState.pending);
  });

  it('S10 a letter is ready only when every paragraph is approved by every office', () => {
    const { approved, stale, pending } = SignoffState;
    expect(isLetterReady([[approved, approved], [approved, approved]], 2)).toBe(true);
    expect(isLetterReady([[approved, approved], [approved, stale]], 2)).toBe(false);
    expect(isLetterReady([[approved, pending]], 2)).toBe(false);
    expect(isLetterReady([[approved]], 2)).toBe(false);
    expect(isLetterReady([], 2)).toBe(false);
    expect(isLetterReady([[approved]], 0)).toBe(false);
  });

  it('tallies approvals and flags stale and requested changes', () => {
    const { approved, stale, changesRequested, pending } = SignoffState;
    expect(tallyParagraph([approved, approved, stale, changesRequested, pending])).toEqual({
      approved: 2,
      of: 5,
      hasStale: true,
      hasChangesRequested: true,
    });
  });
});
