import { t } from '../i18n/translate.js';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { isWellFormedParagraphId } from '../../shared/domain/paragraph-id.js';
import { deriveSignoffState, type ParagraphTally, type SignoffState } from '../../shared/domain/signoff-state.js';
import { latestAct, type LetterState } from '../sync/letter-state.js';

/** A textblock of the letter as sign-off sees it: its id, number, current hash and text. */
export interface ParagraphInfo {
  id: string;
  /** 1-based, in document order. */
  number: number;
  hash: string;
  text: string;
  /** Where the textblock starts in the document. */
  position: number;
}

// Documents and their nodes are immutable and a keystroke replaces only the nodes it touched, so a
// list per document and a hash per node stay true for as long as the objects live. The gutter, the
// panels and the caret's paragraph all ask for the same document's list on every keystroke.
const listedDocuments = new WeakMap<ProseMirrorNode, readonly ParagraphInfo[]>();
const hashedNodes = new WeakMap<ProseMirrorNode, string>();

/** Every textblock with an id, hashed from the editor's own node exactly as the server hashes its copy. */
export function listParagraphs(doc: ProseMirrorNode): readonly ParagraphInfo[] {
  const listed = listedDocuments.get(doc);
  if (listed) return listed;
  const paragraphs: ParagraphInfo[] = [];
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    const id = node.attrs[paragraphIdAttribute] as unknown;
    // The server keeps every textblock's id well-formed; a new one gets its id in the same transaction.
    if (isWellFormedParagraphId(id)) {
      paragraphs.push({ id, number: paragraphs.length + 1, hash: hashOf(node), text: node.textContent, position });
    }
    return false;
  });
  const frozen = Object.freeze(paragraphs.map((paragraph) => Object.freeze(paragraph)));
  listedDocuments.set(doc, frozen);
  return frozen;
}

function hashOf(node: ProseMirrorNode): string {
  let hash = hashedNodes.get(node);
  if (hash === undefined) {
    hash = paragraphHash(node.toJSON());
    hashedNodes.set(node, hash);
  }
  return hash;
}

/** The state of a paragraph for each office, in the order of `officeIds`. */
export function paragraphStates(state: LetterState, officeIds: readonly string[], paragraphId: string, hash: string): SignoffState[] {
  return officeIds.map((officeId) => deriveSignoffState(latestAct(state, paragraphId, officeId), hash));
}

/** The tally and its words, e.g. "1 of 2 offices", for the gutter. */
export function describeTally(tally: ParagraphTally): string {
  return t('signoff.tally', { approved: tally.approved, count: tally.of });
}

/** What blocks a paragraph, most urgent first, or null when every office approved it. */
export function paragraphMarker(tally: ParagraphTally): { icon: string; label: string; kind: string } | null {
  if (tally.hasChangesRequested) return { icon: '✎', label: t('signoff.changesRequested'), kind: 'changes' };
  if (tally.hasStale) return { icon: '⟳', label: t('signoff.stale'), kind: 'stale' };
  if (tally.approved < tally.of) return { icon: '○', label: t('signoff.pending'), kind: 'pending' };
  if (tally.of === 0) return null;
  return { icon: '✓', label: t('signoff.approved'), kind: 'approved' };
}
