import * as Y from 'yjs';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { replayedDoc } from '../../../shared/domain/replayed-doc.js';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';

/** The letter's text as PostgreSQL holds it, read directly, past every server instance. */
export async function readStoredLetter(databaseUrl: string, letterId: string): Promise<Y.Doc> {
  const store = await PostgresStore.open(databaseUrl);
  try {
    const text = await store.text.loadText(letterId);
    const doc = replayedDoc();
    if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await store.close();
  }
}

/**
 * Resolves with the stored letter once its body reads `expectedXml`, or with the last one read
 * after `timeoutMs`. Clients that tidy up formatting after a remote change converge among
 * themselves at once, while the deletions they send for it are still on their way to the store;
 * deletions move no state vector, so no `saved` message says when they are stored: read again.
 */
export async function readStoredLetterOnceItReads(databaseUrl: string, letterId: string, expectedXml: string, timeoutMs = 10_000): Promise<Y.Doc> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await readStoredLetter(databaseUrl, letterId);
    if (doc.getXmlFragment(bodyFieldName).toString() === expectedXml || Date.now() > deadline) return doc;
    doc.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
