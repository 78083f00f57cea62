import * as Y from 'yjs';
import { bodyFieldName, paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import { newParagraphId } from '../../shared/domain/paragraph-id.js';
import { blocksNeedingIds, collectTextBlocks } from '../../shared/domain/yjs-text-blocks.js';

/** Stored text is repaired under this name: no person made the change. */
export const repairAuthor = 'server:paragraph-id-repair';

/**
 * Gives a fresh id to every textblock of stored text whose id is missing, malformed or a
 * duplicate (the first of a duplicate keeps it). The sync guard refuses updates that would leave
 * such a block, so only text stored before that check can hold one. Writes under `clientId`
 * (one nobody owns, so nobody can write under it later) and returns the update, or null when
 * nothing needed repair.
 */
export function repairParagraphIds(doc: Y.Doc, clientId: number): Uint8Array | null {
  const blocks = collectTextBlocks(doc.getXmlFragment(bodyFieldName));
  const needing = blocksNeedingIds(blocks);
  if (needing.length === 0) return null;
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  const ownClientId = doc.clientID;
  doc.clientID = clientId;
  doc.on('update', capture);
  try {
    doc.transact(() => {
      for (const index of needing) blocks[index]!.element.setAttribute(paragraphIdAttribute, newParagraphId());
    });
  } finally {
    doc.off('update', capture);
    doc.clientID = ownClientId;
  }
  return Y.mergeUpdates(updates);
}
