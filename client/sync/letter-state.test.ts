import { describe, expect, it } from 'vitest';
import type { LetterCourse, SignoffEntry } from '../../shared/api/signoffs.js';
import { applyLetterStateMessage, emptyLetterState, latestAct, openReservations } from './letter-state.js';

const course: LetterCourse = { status: 'in_review', signatories: [], finalSignatures: [] };
const entry = (paragraphId: string, officeId: string, action: SignoffEntry['action']): SignoffEntry => ({
  paragraphId,
  officeId,
  action,
  hash: 'a'.repeat(64),
  reason: null,
  by: 'Aino',
  at: '2026-01-01T00:00:00Z',
});

describe('applyLetterStateMessage', () => {
  it('S9 keeps the latest act per paragraph and office', () => {
    let state = applyLetterStateMessage(emptyLetterState, { kind: 'full', seq: 1, course, signoffs: [entry('p1', 'fi', 'approve')] });
    state = applyLetterStateMessage(state, { kind: 'signoffs', seq: 2, signoffs: [entry('p1', 'fi', 'withdraw'), entry('p1', 'ee', 'approve')] });
    expect(latestAct(state, 'p1', 'fi')?.action).toBe('withdraw');
    expect(latestAct(state, 'p1', 'ee')?.action).toBe('approve');
    expect(latestAct(state, 'p2', 'fi')).toBeUndefined();
  });

  it('replaces everything on a full message and the course on a course message', () => {
    let state = applyLetterStateMessage(emptyLetterState, { kind: 'signoffs', seq: 2, signoffs: [entry('p1', 'fi', 'approve')] });
    state = applyLetterStateMessage(state, { kind: 'full', seq: 1, course, signoffs: [] });
    expect(state.signoffs.size).toBe(0);
    state = applyLetterStateMessage(state, { kind: 'course', seq: 3, course: { ...course, status: 'ready' } });
    expect(state.course?.status).toBe('ready');
  });

  it('R1 keeps every reservation by id: entered, then lifted', () => {
    const reservation = { id: 'r1', paragraphId: 'p1', officeId: 'ee', kind: 'scrutiny' as const, reason: 'Tallinn checks', by: 'Mart', at: '2026-01-01T00:00:00Z', liftedBy: null, liftedAt: null, liftNote: null };
    let state = applyLetterStateMessage(emptyLetterState, { kind: 'full', seq: 1, course, signoffs: [], reservations: [reservation] });
    expect(openReservations(state, 'p1').map((r) => r.id)).toEqual(['r1']);
    state = applyLetterStateMessage(state, { kind: 'signoffs', seq: 2, signoffs: [entry('p1', 'fi', 'approve')] });
    state = applyLetterStateMessage(state, { kind: 'reservations', seq: 3, reservations: [{ ...reservation, liftedBy: 'Mart', liftedAt: '2026-01-02T00:00:00Z' }] });
    expect(openReservations(state)).toEqual([]);
    expect(state.reservations?.get('r1')?.liftedBy).toBe('Mart');
  });
});
