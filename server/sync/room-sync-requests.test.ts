import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import type { Store } from '../store/store.js';
import { SyncRequestBudget } from './sync-request-budget.js';
import { refusalOf, testClock } from './test-refusals.js';
import { loadTestRoom, syncFrame, testMember, updateFrame } from './test-room.js';
import { TokenBucket } from './token-bucket.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const kadri = testMember('3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98', 'Kadri');

/** A stored letter of forty long paragraphs by one writer, so that most of it is what one crafted request asks for. */
function storedLetter() {
  const author = new Y.Doc();
  const paragraphs = Array.from({ length: 40 }, (_, index) => {
    const element = new Y.XmlElement('paragraph');
    element.setAttribute('id', `p${index}`);
    element.insert(0, [new Y.XmlText(`Paragraph ${index} of the joint letter. `.repeat(20))]);
    return element;
  });
  author.getXmlFragment(bodyFieldName).insert(0, paragraphs);
  const snapshot = Y.encodeStateAsUpdate(author);
  const text = {
    loadText: async () => ({ snapshot, updates: [], lastSeq: 1, clientOwners: new Map([[author.clientID, helena.id]]), generation: 'original' }),
  } as unknown as Store['text'];
  return { author, snapshot, text };
}

/** The sync step 2 replies among `sent`, as updates. */
function repliesIn(sent: Uint8Array[]): Uint8Array[] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return [];
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return [];
    return [decoding.readVarUint8Array(decoder)];
  });
}

type TestRoom = Awaited<ReturnType<typeof loadTestRoom>>;

/** A socket's own budget of sync requests, as the server sets it, drawing from `person` when given. */
function socketBudget(now: () => number, person?: TokenBucket, perSecond = 16 * 1024): SyncRequestBudget {
  return new SyncRequestBudget({ perSecond, burst: 2 * 1024 * 1024 }, now, person);
}

/** Helena's change to the first paragraph, received by the room and waiting for its commit; returns her editor. */
function changeWaitingForCommit(test: TestRoom, author: Y.Doc): Y.Doc {
  const writer = test.connect(helena);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(author));
  const before = Y.encodeStateVector(editor);
  ((editor.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Today ');
  test.room.receive(writer.connection, updateFrame(Y.encodeStateAsUpdate(editor, before)));
  return editor;
}

describe('SYNC-ASK a room answers sync step 1 asked again within the connection’s budget', () => {
  it('SYNC-ASK7 a member repeating sync step 1 with a state vector naming a real writer at clock 1 gets the letter once, then is refused with 1013', async () => {
    const { author, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const { connection, sent } = connect(kadri, false);
    const clock = testClock();
    connection.syncRequests = socketBudget(clock.now);
    const crafted = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Map([[author.clientID, 1]])));

    const refusals = Array.from({ length: 20 }, () => {
      clock.advance(50);
      return refusalOf(() => room.receive(connection, crafted));
    });

    expect(refusals[0]).toBeNull();
    expect(refusals.slice(1)).toEqual(refusals.slice(1).map(() => CloseCode.tryAgainLater));
    const replies = repliesIn(sent);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.length).toBeGreaterThan(20_000);
  });

  it('SYNC-ASK8 once the connection has earned the letter’s size, it is answered again', async () => {
    const { author, snapshot, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const { connection, sent } = connect(kadri, false);
    const clock = testClock();
    const perSecond = 16 * 1024;
    connection.syncRequests = socketBudget(clock.now, undefined, perSecond);
    const ask = () => refusalOf(() => room.receive(connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(author))));

    expect(ask()).toBeNull();
    clock.advance(((snapshot.length - 1) / perSecond) * 1000);
    expect(ask()).toBe(CloseCode.tryAgainLater);
    clock.advance(10);
    expect(ask()).toBeNull();
    expect(repliesIn(sent)).toHaveLength(2);
  });

  it('SYNC-ASK9 requests while the reply waits for a commit add no work: one reply, made for the newest state vector', async () => {
    const { author, text } = storedLetter();
    const test = await loadTestRoom({ store: { text } });
    const { room, connect, commitAll } = test;
    const editor = changeWaitingForCommit(test, author);

    // Kadri asks again and again while Helena's change waits for its commit; meanwhile her tab gets the stored letter elsewhere.
    const asker = connect(kadri, false);
    const tab = new Y.Doc();
    for (let ask = 0; ask < 30; ask++) room.receive(asker.connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(tab)));
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(author));
    room.receive(asker.connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(tab)));
    expect(repliesIn(asker.sent)).toHaveLength(0);
    commitAll();

    const replies = repliesIn(asker.sent);
    expect(replies).toHaveLength(1);
    // Made for what the tab holds now: Helena's change, not the whole letter again.
    expect(replies[0]!.length).toBeLessThan(1_000);
    Y.applyUpdate(tab, replies[0]!);
    expect(tab.getXmlFragment(bodyFieldName).toString()).toBe(editor.getXmlFragment(bodyFieldName).toString());
  });

  it('SYNC-ASK10 new sockets of one person asking with a crafted state vector draw from the person’s budget; a fresh client is still answered from the stored bytes', async () => {
    const { author, snapshot, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const clock = testClock();
    // Room for two letters of this size, as the person's budget holds four of the largest.
    const person = new TokenBucket({ perSecond: 16 * 1024, burst: 2 * snapshot.length }, clock.now);
    const crafted = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Map([[author.clientID, 1]])));
    const newSocket = () => {
      const socket = connect(kadri, false);
      socket.connection.syncRequests = socketBudget(clock.now, person);
      return socket;
    };

    const refusals = Array.from({ length: 5 }, () => refusalOf(() => room.receive(newSocket().connection, crafted)));
    expect(refusals).toEqual([null, null, CloseCode.tryAgainLater, CloseCode.tryAgainLater, CloseCode.tryAgainLater]);

    const fresh = newSocket();
    expect(refusalOf(() => room.receive(fresh.connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()))))).toBeNull();
    expect(repliesIn(fresh.sent)).toEqual([snapshot]);
  });
});

describe('SYNC-ASK a socket cannot swap a free first request for a difference while its reply waits', () => {
  it('SYNC-ASK11 a fresh state vector followed by a crafted one while a commit waits is charged to the person like the crafted one alone', async () => {
    const { author, snapshot, text } = storedLetter();
    const test = await loadTestRoom({ store: { text } });
    const { room, connect, commitAll } = test;
    const clock = testClock();
    const person = new TokenBucket({ perSecond: 16 * 1024, burst: 2 * snapshot.length }, clock.now);
    const crafted = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Map([[author.clientID, 1]])));
    const fresh = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()));
    // Helena's change waits for its commit, so each first request waits for its reply.
    changeWaitingForCommit(test, author);

    const sockets = Array.from({ length: 5 }, () => {
      const socket = connect(kadri, false);
      socket.connection.syncRequests = socketBudget(clock.now, person);
      return socket;
    });
    const refusals = sockets.map(({ connection }) => refusalOf(() => {
      room.receive(connection, fresh);
      room.receive(connection, crafted);
    }));
    commitAll();

    expect(refusals).toEqual([null, null, CloseCode.tryAgainLater, CloseCode.tryAgainLater, CloseCode.tryAgainLater]);
    // The two answered sockets got the difference they asked for last.
    for (const { sent } of sockets.slice(0, 2)) expect(repliesIn(sent)).toHaveLength(1);
  });
});

describe('SYNC-ASK a first request is answered as it was charged, whatever the letter holds by the time of the reply', () => {
  it('SYNC-ASK12 a new socket naming a writer the letter has not got yet, whose first change then commits, is answered from the stored bytes, not with a difference it was never charged for', async () => {
    const { snapshot, text } = storedLetter();
    const { room, connect, commitAll } = await loadTestRoom({ store: { text } });
    const clock = testClock();
    const person = new TokenBucket({ perSecond: 16 * 1024, burst: 2 * snapshot.length }, clock.now);
    const tab = connect(kadri);

    const replies = Array.from({ length: 4 }, () => {
      // Kadri's other tab writes under a new id; a new socket asks as if it held that writer's text already.
      const editor = new Y.Doc();
      Y.applyUpdate(editor, Y.encodeStateAsUpdate(room.doc));
      const before = Y.encodeStateVector(editor);
      ((editor.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x');
      room.receive(tab.connection, updateFrame(Y.encodeStateAsUpdate(editor, before)));
      const socket = connect(kadri, false);
      socket.connection.syncRequests = socketBudget(clock.now, person);
      room.receive(socket.connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Map([[editor.clientID, 1]]))));
      commitAll();
      const fresh = connect(kadri, false);
      room.receive(fresh.connection, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
      return { asked: repliesIn(socket.sent), stored: repliesIn(fresh.sent) };
    });

    // Nothing was charged for these requests, so no difference was worked out for them: the letter as stored.
    for (const { asked, stored } of replies) {
      expect(asked).toHaveLength(1);
      expect(asked[0]).toEqual(stored[0]);
    }
  });
});
