import { describe, expect, it } from 'vitest';
import { LetterStatus } from '../api/letters.js';
import {
  areSignatoriesFixed,
  findStatusMove,
  isFrozen,
  isReopening,
  isTextReadOnly,
  keepsFinalSignatures,
  statusMovesFrom,
  textReadOnlyReason,
} from './letter-course.js';

const statuses = Object.values(LetterStatus);

describe('letter course', () => {
  it('C1 lets the coordinator move only along the course; signing is not a coordinator move', () => {
    expect(statusMovesFrom('drafting').map((move) => move.to)).toEqual(['in_review']);
    expect(findStatusMove('ready', 'signed')).toBeUndefined();
    expect(findStatusMove('drafting', 'ready')).toBeUndefined();
    expect(statusMovesFrom('sent')).toEqual([]);
  });

  it('C1 needs a reason exactly when a signed letter is reopened', () => {
    for (const from of statuses) {
      for (const move of statusMovesFrom(from)) expect(move.needsReason).toBe(isReopening(from, move.to));
    }
  });

  it('C2 freezes the letter once signed, and while sent', () => {
    expect(statuses.filter(isFrozen)).toEqual(['signed', 'sent']);
  });

  it('C3 fixes the signatories from ready on', () => {
    expect(statuses.filter(areSignatoriesFixed)).toEqual(['ready', 'signed', 'sent']);
  });

  it('C5 makes the text read-only from ready on, with a reason to show, and lets the coordinator move a ready letter back to review', () => {
    expect(statuses.filter(isTextReadOnly)).toEqual(['ready', 'signed', 'sent']);
    for (const status of statuses) expect(textReadOnlyReason(status) !== null).toBe(isTextReadOnly(status));
    expect(findStatusMove('ready', 'in_review')).toEqual({ to: 'in_review', needsReason: false });
  });

  it('C4 keeps final signatures only on the way to signed and sent', () => {
    expect(statuses.filter(keepsFinalSignatures)).toEqual(['signed', 'sent']);
  });
});
