import * as Y from 'yjs';

/**
 * A Y.Doc that holds exactly the updates applied to it. After applying a remote update, Yjs tidies
 * redundant formatting with deletions of its own; each browser does that for what it receives and
 * sends them, so they are stored like any change. A document rebuilt from stored updates on the
 * server would tidy again, differently (it sees the updates in other batches), and could then show
 * formatting no browser shows. Marking every transaction as local before its observers run keeps
 * Yjs from doing so.
 */
export function replayedDoc(options?: ConstructorParameters<typeof Y.Doc>[0]): Y.Doc {
  const doc = new Y.Doc(options);
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    transaction.local = true;
  });
  return doc;
}
