import type * as Y from 'yjs';
import type { SignoffEntry, SignoffGrid } from '../../shared/api/signoffs.js';
import { currentParagraphs, type CurrentParagraph } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { buildSignoffGrid, signoffProgress, type SignoffProgress } from '../../shared/domain/signoff-grid.js';
import { letterBodyJson } from '../../shared/domain/yjs-text-blocks.js';
import { latestAct, type LetterState } from '../sync/letter-state.js';

/** Every latest act the page knows, one entry per paragraph and office. */
function latestSignoffs(state: LetterState): SignoffEntry[] {
  return Array.from(state.signoffs.values()).flatMap((byOffice) => Array.from(byOffice.values()));
}

/**
 * The sign-off grid as the server would build it, from this page's copy of the text and the letter
 * state of message 102 (signatories, latest acts with their hashes, reservations): no request. Null
 * until the server's full state arrived, or while the text holds a textblock without a well-formed id
 * (the server refuses such a text; the next update brings the id).
 */
export function deriveSignoffGrid(doc: Y.Doc, state: LetterState): SignoffGrid | null {
  if (!state.course) return null;
  let paragraphs: CurrentParagraph[];
  try {
    paragraphs = currentParagraphs(doc);
  } catch {
    return null;
  }
  const signatories = [...state.course.signatories].sort((a, b) => a.position - b.position);
  return buildSignoffGrid(
    paragraphs,
    letterBodyJson(doc.getXmlFragment(bodyFieldName)),
    signatories,
    latestSignoffs(state),
    Array.from(state.reservations?.values() ?? []),
  );
}

/** The course panel's progress from the paragraphs the editor shows now: every paragraph counts, not just the focused one. */
export function deriveSignoffProgress(paragraphs: readonly { id: string; hash: string }[], officeIds: readonly string[], state: LetterState): SignoffProgress {
  return signoffProgress(paragraphs, officeIds, (paragraphId, officeId) => latestAct(state, paragraphId, officeId));
}
