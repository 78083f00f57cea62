import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame, type RawSocket } from './harness/raw-socket.js';
import { useSharedScaledDeployment } from './harness/scaled-deployment.js';
import { startServer, useSharedServer, type ServerProcess } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';
import { watchPresence } from './harness/presence-watcher.js';

/** How the server answered a write: the close code, or `saved` if it committed and confirmed it. */
function outcomeOf(raw: RawSocket): Promise<number | 'saved'> {
  const saved = new Promise<'saved'>((resolve) => {
    const check = () => {
      if (raw.received.some((frame) => frame[0] === MessageType.saved)) resolve('saved');
    };
    raw.socket.on('message', check);
    check();
  });
  return Promise.race([closeOf(raw).then((closed) => closed.code), saved]);
}

describe('SYNC-CID a client id belongs to the connection that first showed it', () => {
  const server = useSharedServer();

  /**
   * Kadri's tab opens a letter and shows its presence; then it goes offline and she types `edit`.
   * Erik, who saw her client id in presence, writes `attack` under it first (offline, her edit
   * cannot learn of his in between: the race the attacker wins by a few milliseconds online). Returns what the server
   * did with Erik's write, Kadri's tab, and a reader's view of what the server holds afterwards.
   */
  async function raceForClientId(attack: string, edit: string) {
    const helena = await signIn(server(), 'Helena Virtanen');
    const [kadri, erik] = await Promise.all([signIn(server(), 'Kadri Tamm'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await createLetter(server(), helena);

    // Kadri's new tab (a new client id) announces itself before typing.
    const tab = connectClient(server(), kadri, letterId);
    await tab.whenSynced();
    tab.awareness.setLocalStateField('cursor', null);
    const watcher = watchPresence(server(), erik, letterId);
    await expect.poll(() => watcher.presenceOf(tab.doc.clientID)).toBeDefined();

    // Erik writes under the id he saw while the tab is offline.
    tab.disconnect();
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(tab.doc));
    forged.clientID = tab.doc.clientID;
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, attack);
    const raw = openRawSocket(server(), letterId, { cookie: erik.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged, before)));
    const attackOutcome = await outcomeOf(raw);

    appendParagraph(tab.doc, edit);
    tab.connect();
    const tabSaved = await tab.whenSaved().then(
      () => 'saved',
      (error: Error) => error.message,
    );
    const reader = await joinLetter(server(), helena, letterId);
    return { attackOutcome, tab, tabSaved, reader };
  }

  it('SYNC-CID1 a write under an id another member announced in presence is refused (4403); her longer edit is kept', async () => {
    const { attackOutcome, tab, tabSaved, reader } = await raceForClientId('ATTACK-MARKER', `Kadri's longer paragraph, ${'which she typed. '.repeat(4)}`);
    expect(tabSaved).toBe('saved');
    expect(tab.closeCodes).toEqual([]);
    expect(reader.xml).toBe(tab.xml);
    expect(reader.xml).not.toContain('ATTACK-MARKER');
    expect(attackOutcome).toBe(CloseCode.forbidden);
  });

  it('SYNC-CID2 an edit that fits inside the attacker’s clock range is neither dropped nor confirmed unsaved', async () => {
    const { attackOutcome, tab, tabSaved, reader } = await raceForClientId(`ATTACK-MARKER ${'padding '.repeat(20)}`, 'Short.');
    expect(tabSaved).toBe('saved');
    // What the tab shows as saved is what the server holds.
    expect(reader.xml).toBe(tab.xml);
    expect(reader.xml).toContain('Short.');
    expect(reader.xml).not.toContain('ATTACK-MARKER');
    expect(tab.closeCodes).toEqual([]);
    expect(attackOutcome).toBe(CloseCode.forbidden);
  });
});

describe('SYNC-CID a person writes under only so many new client ids (SYNC_NEW_CLIENT_IDS_PER_HOUR, default 100)', () => {
  const server = useSharedServer();

  it('SYNC-CID6 a member writing each paragraph under a new client id is closed with 1013 after 100; a colleague keeps writing and the letter keeps 100 of them', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const ingrid = await signIn(server(), 'Ingrid Løvås');
    const letterId = await createLetter(server(), helena);
    const colleague = await joinLetter(server(), helena, letterId);

    // Each update comes from a document of its own, as if from a new tab: 150 new client ids.
    const raw = openRawSocket(server(), letterId, { cookie: ingrid.cookie });
    await raw.opened;
    for (let tab = 1; tab <= 150; tab++) {
      const doc = new Y.Doc();
      appendParagraph(doc, `Tab ${tab} of many.`);
      raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    }
    expect((await closeOf(raw)).code).toBe(CloseCode.tryAgainLater);

    appendParagraph(colleague.doc, 'Helena writes on.');
    await colleague.whenSaved();
    const reader = await joinLetter(server(), helena, letterId);
    expect(reader.text).toContain('Helena writes on.');
    expect(reader.text.match(/Tab \d+ of many\./g)).toHaveLength(100);
    expect(reader.text).not.toContain('Tab 101 of many.');
  });
});

/** An awareness frame (message 1) showing `clientId` with an empty caret, as a tab announces itself. */
function presenceFrameOf(clientId: number, clock = 1): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify({ cursor: null }));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

describe('SYNC-CID a client id someone wrote text under stays theirs in presence after a restart', () => {
  it('SYNC-CID3 a member who announces another member’s stored client id in presence does not lock her out of her own text', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const [kadri, erik] = await Promise.all([signIn(server, 'Kadri Tamm'), signIn(server, 'Erik Åkesson')]);
    const letterId = await createLetter(server, helena);

    // Kadri writes a paragraph in her tab; the tab then loses its connection.
    const tab = connectClient(server, kadri, letterId);
    await tab.whenSynced();
    appendParagraph(tab.doc, 'Kadri’s first paragraph.');
    await tab.whenSaved();
    tab.disconnect();
    const kadriId = tab.doc.clientID;

    // The server restarts (a deployment): the letter is loaded afresh, with nobody's presence in it.
    await server.stop();
    await server.start();

    // Erik, who read her client id in the letter, shows it in presence first, then his own.
    const watcher = watchPresence(server, helena, letterId);
    const erikRaw = openRawSocket(server, letterId, { cookie: erik.cookie });
    await erikRaw.opened;
    const erikOwnId = kadriId + 1;
    erikRaw.socket.send(presenceFrameOf(kadriId));
    erikRaw.socket.send(presenceFrameOf(erikOwnId));
    await expect.poll(() => watcher.presenceOf(erikOwnId)).toBeDefined();

    // Kadri's tab, still on its client id, comes back with what she typed offline: it is saved.
    const before = Y.encodeStateVector(tab.doc);
    appendParagraph(tab.doc, 'Kadri’s paragraph typed offline.');
    const kadriRaw = openRawSocket(server, letterId, { cookie: kadri.cookie });
    await kadriRaw.opened;
    kadriRaw.socket.send(updateFrame(Y.encodeStateAsUpdate(tab.doc, before)));
    expect(await outcomeOf(kadriRaw)).toBe('saved');
    const reader = await joinLetter(server, helena, letterId);
    expect(reader.text).toContain('Kadri’s paragraph typed offline.');
    // Nobody was shown under her id but her, and Erik keeps his connection.
    expect(watcher.presenceOf(kadriId)).toBeUndefined();
    expect(erikRaw.socket.readyState).toBe(erikRaw.socket.OPEN);
  });
});

describe('SYNC-CID a client id stays its writer’s when her tab moves to another instance', () => {
  const deployment = useSharedScaledDeployment(2);

  it('SYNC-CID4 text she wrote through one instance does not get her next edit refused (4403) on the other, and nobody else may write under her id there', async () => {
    const [first, second] = deployment().instances as [ServerProcess, ServerProcess];
    const helena = await signIn(first, 'Helena Virtanen');
    const [kadri, erik] = await Promise.all([signIn(first, 'Kadri Tamm'), signIn(first, 'Erik Åkesson')]);
    const letterId = await createLetter(first, helena);
    // Helena has the letter open on the second instance, so the letter is loaded there before Kadri writes.
    const reader = await joinLetter(second, helena, letterId);

    const tab = connectClient(first, kadri, letterId);
    await tab.whenSynced();
    appendParagraph(tab.doc, 'Kadri’s paragraph, written through the first instance.');
    await tab.whenSaved();
    await expect.poll(() => reader.text).toContain('written through the first instance');
    tab.disconnect();

    // Erik, on the second instance, tries to write under her id: refused.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(tab.doc));
    forged.clientID = tab.doc.clientID;
    const forgedFrom = Y.encodeStateVector(forged);
    appendParagraph(forged, 'ATTACK-MARKER');
    const erikRaw = openRawSocket(second, letterId, { cookie: erik.cookie });
    await erikRaw.opened;
    erikRaw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged, forgedFrom)));
    expect(await outcomeOf(erikRaw)).toBe(CloseCode.forbidden);

    // Her tab reconnects through the second instance (a load balancer's choice) with a new edit: it is saved.
    const before = Y.encodeStateVector(tab.doc);
    appendParagraph(tab.doc, 'Kadri’s next paragraph, through the second instance.');
    const kadriRaw = openRawSocket(second, letterId, { cookie: kadri.cookie });
    await kadriRaw.opened;
    kadriRaw.socket.send(updateFrame(Y.encodeStateAsUpdate(tab.doc, before)));
    expect(await outcomeOf(kadriRaw)).toBe('saved');
    await expect.poll(() => reader.text).toContain('through the second instance');
    expect(reader.text).not.toContain('ATTACK-MARKER');
  });
});
