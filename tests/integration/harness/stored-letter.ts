import * as Y from 'yjs';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';

/** The letter's text as PostgreSQL holds it, read directly, past every server instance. */
export async function readStoredLetter(databaseUrl: string, letterId: string): Promise<Y.Doc> {
  const store = await PostgresStore.open(databaseUrl);
  try {
    const text = await store.text.loadText(letterId);
    const doc = new Y.Doc();
    if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await store.close();
  }
}
