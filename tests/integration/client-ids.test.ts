import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
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
