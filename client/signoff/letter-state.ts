import type { LetterCourse, LetterStateMessage, SignoffEntry } from '../../shared/api/signoffs.js';
import type { SignoffAct } from '../../shared/domain/signoff-state.js';

/** What the server told this page about the letter's sign-offs and course (message 102). */
export interface LetterState {
  course: LetterCourse | null;
  /** The latest act per paragraph, then per office. */
  signoffs: ReadonlyMap<string, ReadonlyMap<string, SignoffEntry>>;
}

export const emptyLetterState: LetterState = { course: null, signoffs: new Map() };

/** Folds one message 102 into the state: `full` replaces, `signoffs` and `course` update. */
export function applyLetterStateMessage(state: LetterState, message: LetterStateMessage): LetterState {
  switch (message.kind) {
    case 'full':
      return { course: message.course, signoffs: mergeSignoffs(new Map(), message.signoffs) };
    case 'signoffs':
      return { course: state.course, signoffs: mergeSignoffs(state.signoffs, message.signoffs) };
    case 'course':
      return { course: message.course, signoffs: state.signoffs };
    default:
      throw new Error(`unknown letter state message ${String((message as { kind: unknown }).kind)}`);
  }
}

function mergeSignoffs(
  current: ReadonlyMap<string, ReadonlyMap<string, SignoffEntry>>,
  entries: readonly SignoffEntry[],
): Map<string, Map<string, SignoffEntry>> {
  const next = new Map([...current].map(([paragraphId, byOffice]) => [paragraphId, new Map(byOffice)]));
  for (const entry of entries) {
    const byOffice = next.get(entry.paragraphId) ?? new Map<string, SignoffEntry>();
    byOffice.set(entry.officeId, entry);
    next.set(entry.paragraphId, byOffice);
  }
  return next;
}

/** The latest act of an office on a paragraph, in the form deriveSignoffState reads. */
export function latestAct(state: LetterState, paragraphId: string, officeId: string): SignoffAct | undefined {
  return state.signoffs.get(paragraphId)?.get(officeId);
}
