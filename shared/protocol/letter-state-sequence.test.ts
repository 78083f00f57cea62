import { describe, expect, it } from 'vitest';
import type { LetterCourse, LetterStateMessage } from '../api/signoffs.js';
import { LetterStateSequence } from './letter-state-sequence.js';

const course: LetterCourse = { status: 'drafting', signatories: [], finalSignatures: [] };
const full = (seq: number): LetterStateMessage => ({ kind: 'full', seq, course, signoffs: [] });
const change = (seq: number): LetterStateMessage => ({ kind: 'course', seq, course });

describe('LetterStateSequence', () => {
  it('applies the full state, then each next change, and ignores what it holds already', () => {
    const order = new LetterStateSequence();
    expect(order.receive(full(4))).toEqual({ apply: true, askForFull: false });
    expect(order.receive(change(5))).toEqual({ apply: true, askForFull: false });
    expect(order.receive(change(5))).toEqual({ apply: false, askForFull: false });
    expect(order.receive(full(3))).toEqual({ apply: false, askForFull: false });
  });

  it('asks once on a gap, and again if the answer is older than a change seen meanwhile', () => {
    const order = new LetterStateSequence();
    order.receive(full(1));
    expect(order.receive(change(3))).toEqual({ apply: false, askForFull: true });
    expect(order.receive(change(4))).toEqual({ apply: false, askForFull: false });
    expect(order.receive(full(3))).toEqual({ apply: true, askForFull: true });
    expect(order.receive(full(4))).toEqual({ apply: true, askForFull: false });
    expect(order.receive(change(5))).toEqual({ apply: true, askForFull: false });
  });

  it('waits for the full state sent on joining before asking, on every new connection', () => {
    const order = new LetterStateSequence();
    order.receive(full(9));
    order.restart();
    expect(order.receive(change(3))).toEqual({ apply: false, askForFull: false });
    expect(order.receive(full(2))).toEqual({ apply: true, askForFull: true });
  });
});
