import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { RevisionKind } from '../../shared/api/history.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { replayedDoc } from '../../shared/domain/replayed-doc.js';
import { letterTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import type { RevisionRecord } from '../store/store.js';
import { nativeParagraphHash } from './native-paragraph-hash.js';
import type { Author } from './revision-tracker.js';

/** The revisions that record who wrote a new letter's opening text (the demo letter, an import). */
export function openingRevisions(letterId: string, initialText: Uint8Array, author: Author, at: string): RevisionRecord[] {
  const doc = replayedDoc();
  try {
    Y.applyUpdate(doc, initialText);
    return letterTextBlocks(doc.getXmlFragment(bodyFieldName)).map(({ id, element }) => {
      const content = textBlockJson(element);
      return {
        id: randomBytes(16).toString('hex'),
        letterId,
        paragraphId: id,
        kind: RevisionKind.created,
        userId: author.userId,
        officeId: author.officeId,
        startedAt: at,
        endedAt: at,
        content,
        hash: nativeParagraphHash(content),
        changes: 1,
        relatedParagraphId: null,
        restoredFrom: null,
      };
    });
  } finally {
    doc.destroy();
  }
}
