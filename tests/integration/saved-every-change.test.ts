import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveState } from '../../client/sync/save-state.js';
import { findFreePort } from './harness/free-port.js';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readSavedMessage } from '../../shared/protocol/saved-message.js';
import { appendParagraph, bodyOf, bodyXml } from './harness/letter-body.js';
import { openRawSocket, syncStep2Frame, updateFrame, type RawSocket } from './harness/raw-socket.js';
import { openLetterTab, TestNetwork, whenFlushed, whenSaveState, whenSynced } from './harness/letter-tab.js';
import { ServerProcess } from './harness/server-process.js';
import { createLetter, signIn, type Session } from './harness/sign-in.js';
import { stallStore } from './harness/stalled-store.js';
import { joinLetter } from './harness/sync-client.js';

const clause = ' Remove this clause.';

/** Two paragraphs alike (a change is tried on the first, then on the second across a crash): plain, bold, plain. */
function writeOpening(doc: Y.Doc): void {
  doc.transact(() => {
    for (let i = 0; i < 2; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('id', randomUUID());
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      bodyOf(doc).insert(bodyOf(doc).length, [paragraph]);
      text.applyDelta([{ insert: `Keep ${i}. ` }, { insert: 'Bold run.', attributes: { bold: {} } }, { insert: `${clause} End.` }]);
    }
  });
}

/** The textblock that begins `Keep <index>.`, wherever earlier changes left it. */
function paragraphAt(doc: Y.Doc, index: number): { position: number; paragraph: Y.XmlElement; text: Y.XmlText; plain: string } {
  const blocks = bodyOf(doc).toArray() as Y.XmlElement[];
  const plainOf = (block: Y.XmlElement) => (block.get(0) as Y.XmlText).toDelta().map((op: { insert: string }) => op.insert).join('');
  const position = blocks.findIndex((block) => plainOf(block).startsWith(`Keep ${index}.`));
  const paragraph = blocks[position]!;
  return { position, paragraph, text: paragraph.get(0) as Y.XmlText, plain: plainOf(paragraph) };
}

/**
 * Each change as the editor writes it into the Yjs document, on paragraph `index`, and what the
 * stored letter shows once it is saved. Deleting text, a paragraph or a mark from exactly its run
 * only deletes: the document's state vector does not move.
 */
const changes: { name: string; make: (doc: Y.Doc, index: number) => void; isStored: (xml: string, index: number) => boolean }[] = [
  {
    name: 'delete (Backspace over a clause)',
    make: (doc, index) => {
      const { text, plain } = paragraphAt(doc, index);
      text.delete(plain.indexOf(clause), clause.length);
    },
    isStored: (xml, index) => xml.includes(`Keep ${index}. <bold>Bold run.</bold> End.`),
  },
  {
    name: 'cut (a selection across the bold run)',
    make: (doc, index) => {
      const { text, plain } = paragraphAt(doc, index);
      const start = plain.indexOf('Bold run.');
      text.delete(start - 2, plain.indexOf(clause) - start + 2);
    },
    isStored: (xml, index) => xml.includes(`Keep ${index}${clause} End.`),
  },
  {
    name: 'delete paragraph',
    make: (doc, index) => bodyOf(doc).delete(paragraphAt(doc, index).position, 1),
    isStored: (xml, index) => !xml.includes(`Keep ${index}.`),
  },
  {
    name: 'unbold (exactly the bold run)',
    make: (doc, index) => {
      const { text, plain } = paragraphAt(doc, index);
      text.format(plain.indexOf('Bold run.'), 'Bold run.'.length, { bold: null });
    },
    isStored: (xml, index) => xml.includes(`Keep ${index}. Bold run.${clause}`),
  },
  {
    name: 'bold',
    make: (doc, index) => {
      const { text, plain } = paragraphAt(doc, index);
      text.format(plain.indexOf('End.'), 'End.'.length, { bold: {} });
    },
    isStored: (xml, index) => new RegExp(`Keep ${index}\\. <bold>Bold run\\.</bold>${clause} <bold>End\\.</bold>`).test(xml),
  },
  {
    name: 'heading change (paragraph to heading)',
    make: (doc, index) => {
      // Tiptap's setNode replaces the element and keeps its id and content.
      const { position, paragraph, text } = paragraphAt(doc, index);
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('id', paragraph.getAttribute('id')!);
      heading.setAttribute('level', 2 as unknown as string);
      const content = new Y.XmlText();
      heading.insert(0, [content]);
      const delta = text.toDelta();
      doc.transact(() => {
        bodyOf(doc).delete(position, 1);
        bodyOf(doc).insert(position, [heading]);
        content.applyDelta(delta);
      });
    },
    isStored: (xml, index) => new RegExp(`<heading [^>]*>Keep ${index}\\.`).test(xml),
  },
  {
    name: 'typing',
    make: (doc, index) => {
      const { text } = paragraphAt(doc, index);
      text.insert(text.length, ' Typed.');
    },
    isStored: (xml, index) => new RegExp(`Keep ${index}\\..*End\\. Typed\\.`).test(xml),
  },
];

/** The frame numbers of every `saved` (100) the socket received, in order. */
function savedFrames(raw: RawSocket): number[] {
  return raw.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === MessageType.saved ? [readSavedMessage(decoder)] : [];
  });
}

/** The letter's text as the store holds it, read while the server is down. */
async function storedXml(server: ServerProcess, letterId: string): Promise<string> {
  const store = await server.openStore();
  try {
    const text = await store.text.loadText(letterId);
    const doc = new Y.Doc();
    if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(doc, update);
    return bodyXml(doc);
  } finally {
    await store.close();
  }
}

describe('INV-1 the save indicator confirms every kind of change only once it is stored', () => {
  let server: ServerProcess;
  let helena: Session;
  let paweł: Session;

  // A fixed port: the tab reconnects to the same address after the server is killed and restarted.
  beforeAll(async () => {
    server = await ServerProcess.launch({ env: { PORT: String(await findFreePort()) } });
    helena = await signIn(server, 'Helena Virtanen');
    paweł = await signIn(server, 'Paweł Wiśniewski');
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it.each(changes)('$name: Saving… while the store stalls, saved after the commit; a kill before the commit is never saved, and the change is sent again', async ({ make, isStored }) => {
    const letterId = await createLetter(server, helena);
    const tab = openLetterTab(server, paweł, letterId);
    await whenSaveState(tab, SaveState.saved);
    writeOpening(tab.doc);
    await whenSaveState(tab, SaveState.saved);

    // The store stalls, then commits.
    const stall = stallStore(server);
    make(tab.doc, 0);
    expect(tab.saveState).toBe(SaveState.saving);
    await whenFlushed(tab);
    expect(tab.saveState, 'nothing is confirmed while the store cannot commit').not.toBe(SaveState.saved);
    stall.release();
    await whenSaveState(tab, SaveState.saved);
    expect(isStored((await joinLetter(server, helena, letterId)).xml, 0), 'saved means stored').toBe(true);

    // The store stalls, and the server is killed before it commits.
    const secondStall = stallStore(server);
    make(tab.doc, 1);
    await whenFlushed(tab);
    await server.kill();
    secondStall.release();
    await whenSaveState(tab, SaveState.offline);
    expect(isStored(await storedXml(server, letterId), 1), 'the server died before storing the change').toBe(false);
    expect(tab.saveState).not.toBe(SaveState.saved);

    // The same tab comes back: its change is sent again on the new connection, and only then saved.
    await server.start();
    await whenSaveState(tab, SaveState.saved);
    const reader = await joinLetter(server, helena, letterId);
    expect(isStored(reader.xml, 1), 'the change arrived after the restart').toBe(true);
    expect(isStored(reader.xml, 0), 'the first change is still there').toBe(true);
  });

  it('numbers each connection\'s update frames on their own: a confirmation never speaks for another connection', async () => {
    const letterId = await createLetter(server, helena);
    const first = openRawSocket(server, letterId, { cookie: paweł.cookie });
    await first.opened;
    const doc = new Y.Doc();
    first.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, 'Sent on the first connection.', randomUUID());
    first.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
    await expect.poll(() => savedFrames(first).at(-1)).toBe(2);

    const second = openRawSocket(server, letterId, { cookie: paweł.cookie });
    await second.opened;
    second.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(doc)));
    await expect.poll(() => savedFrames(second)).toEqual([1]);
    expect(Math.max(...savedFrames(first)), 'the first connection is told only of its own frames').toBe(2);
  });

  it.each(changes.filter(({ name }) => ['delete (Backspace over a clause)', 'unbold (exactly the bold run)'].includes(name)))(
    '$name made offline stays unsaved after reconnecting until the new connection\'s confirmation',
    async ({ make, isStored }) => {
      const letterId = await createLetter(server, helena);
      const network = new TestNetwork();
      const tab = openLetterTab(server, paweł, letterId, network);
      await whenSaveState(tab, SaveState.saved);
      writeOpening(tab.doc);
      await whenSaveState(tab, SaveState.saved);

      network.goOffline();
      make(tab.doc, 0);
      expect(tab.saveState).toBe(SaveState.offline);
      const stall = stallStore(server);
      network.goOnline();
      // The server answers the tab's sync request at once; the tab's own answer, which carries the change, waits for the store.
      await whenSynced(tab);
      expect(tab.saveState, 'connected and synced, but the change is not stored yet').not.toBe(SaveState.saved);
      stall.release();
      await whenSaveState(tab, SaveState.saved);
      expect(isStored((await joinLetter(server, helena, letterId)).xml, 0), 'saved means stored').toBe(true);
    },
  );
});
