import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { VersionParagraph } from '../../shared/api/versions.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { replayedDoc } from '../../shared/domain/replayed-doc.js';
import { repairParagraphIds } from '../sync/paragraph-id-repair.js';

/** A letter's text read from a saved Yjs state: its paragraphs and its body as editor JSON. */
export interface LetterDocument {
  paragraphs: VersionParagraph[];
  body: Record<string, unknown>;
}

export function paragraphsOf(doc: Y.Doc): VersionParagraph[] {
  return currentParagraphs(doc).map(({ id, hash, text, blockType }) => ({ id, hash, text, blockType }));
}

export function bodyOf(doc: Y.Doc): Record<string, unknown> {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(bodyFieldName), letterSchema()).toJSON() as Record<string, unknown>;
}

/** Reads a stored state (`Y.encodeStateAsUpdate`) without touching any live document. */
export function readLetterDocument(state: Uint8Array): LetterDocument {
  const doc = replayedDoc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    // A version saved before the server checked paragraph ids may hold a block without one: it is
    // read with an id for this reading only, rather than left out of the comparison.
    repairParagraphIds(doc, doc.clientID);
    return { paragraphs: paragraphsOf(doc), body: bodyOf(doc) };
  } finally {
    doc.destroy();
  }
}
