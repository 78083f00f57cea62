import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { ProtocolViolation } from './protocol-violation.js';
import type { RoomExtension } from './room-extension.js';
import { roomLetterStateKey } from './room-letter-state.js';
import { roomPresence, roomPresenceKey } from './room-presence.js';
import { deriveSchemaRules } from './schema-rules.js';
import { refusalOf, testClock } from './test-refusals.js';
import { loadTestRoom, syncFrame, testLetterStateExtension, testMember, updateFrame } from './test-room.js';
import { TokenBucket } from './token-bucket.js';
import { updateAdmission, type UpdateAdmissionOptions } from './update-admission.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const mikko = testMember('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Mikko');
const rules = deriveSchemaRules(letterSchema());

/** A room on one stored paragraph whose only admission is the one under test. */
async function admittingRoom(options: Partial<UpdateAdmissionOptions> = {}, more: (() => RoomExtension)[] = []) {
  const seed = new Y.Doc();
  seed.getXmlFragment(bodyFieldName).insert(0, [newParagraph('The ministers agree.', 'p1')]);
  const stored = Y.encodeStateAsUpdate(seed);
  const test = await loadTestRoom({
    stored,
    extensions: [testLetterStateExtension('drafting'), roomPresence, (room) => updateAdmission(room, { rules, ...options }), ...more],
  });
  /** A tab that holds the stored text. */
  const tab = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    return doc;
  };
  const bodyText = () => test.room.doc.getXmlFragment(bodyFieldName).toString();
  return { ...test, tab, bodyText };
}

describe('update admission', () => {
  it('admits an editor’s change, stores it as theirs with the client id it writes under', async () => {
    const { room, connect, queued, tab, bodyText } = await admittingRoom();
    const { connection } = connect(helena);
    const doc = tab();
    const update = changeOf(doc, (body) => body.insert(1, [newParagraph('Second paragraph.', 'p2')]));

    room.receive(connection, updateFrame(update));

    expect(bodyText()).toContain('Second paragraph.');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ userId: helena.id, newClientIds: [doc.clientID] });
  });

  it('refuses a change from a read-only connection with 4403 and applies nothing, but lets it resend what the server has', async () => {
    const { room, connect, queued, tab, bodyText } = await admittingRoom();
    const { connection } = connect(helena, false);
    const before = bodyText();
    const doc = tab();

    expect(refusalOf(() => room.receive(connection, updateFrame(Y.encodeStateAsUpdate(doc))))).toBeNull();
    const update = changeOf(doc, (body) => body.insert(1, [newParagraph('Not mine to write.', 'p2')]));
    expect(refusalOf(() => room.receive(connection, updateFrame(update)))).toBe(CloseCode.forbidden);
    expect(bodyText()).toBe(before);
    expect(queued).toEqual([]);
  });

  it('refuses every change once the letter’s text is read-only in its status, with 4403', async () => {
    const { room, connect, tab, bodyText } = await admittingRoom();
    const { connection } = connect(helena);
    room.extension(roomLetterStateKey)!.setTextStatus('ready', () => true);
    const before = bodyText();
    const update = changeOf(tab(), (body) => body.insert(1, [newParagraph('Too late.', 'p2')]));

    expect(refusalOf(() => room.receive(connection, updateFrame(update)))).toBe(CloseCode.forbidden);
    expect(bodyText()).toBe(before);
  });

  it('refuses an update that does not decode with 4400, and a paragraph without an id with 4422', async () => {
    const { room, connect, tab, bodyText } = await admittingRoom();
    const { connection } = connect(helena);
    const before = bodyText();
    expect(refusalOf(() => room.receive(connection, updateFrame(new Uint8Array([1, 200, 7, 7]))))).toBe(CloseCode.malformedMessage);

    const other = connect(mikko).connection;
    const withoutId = changeOf(tab(), (body) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText('No id.')]);
      body.insert(1, [element]);
    });
    expect(refusalOf(() => room.receive(other, updateFrame(withoutId)))).toBe(CloseCode.updateRefused);
    expect(bodyText()).toBe(before);
  });

  it('refuses a change past the letter’s limits with 4413', async () => {
    const { room, connect, tab, bodyText } = await admittingRoom({ letterLimits: { maxLetterBytes: 1_000_000, maxParagraphs: 2, maxParagraphLength: 40 } });
    const { connection } = connect(helena);
    const doc = tab();
    const tooLong = changeOf(doc, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'.repeat(30)));

    expect(refusalOf(() => room.receive(connection, updateFrame(tooLong)))).toBe(CloseCode.letterTooLarge);
    expect(bodyText()).not.toContain('xxx');
  });

  it('counts the stored text towards the letter’s size: a letter loaded near its limit cannot grow past it', async () => {
    const { room, connect, tab, bodyText } = await admittingRoom({ letterLimits: { maxLetterBytes: 600, maxParagraphs: 100, maxParagraphLength: 20_000 } });
    expect(Y.encodeStateAsUpdate(room.doc).length).toBeLessThan(600);
    const { connection } = connect(helena);
    const doc = tab();
    const stored = Y.encodeStateAsUpdate(doc).length;
    const growth = changeOf(doc, (body) => body.insert(1, [newParagraph('y'.repeat(600 - stored), 'p2')]));
    expect(growth.length).toBeLessThan(600);

    expect(refusalOf(() => room.receive(connection, updateFrame(growth)))).toBe(CloseCode.letterTooLarge);
    expect(bodyText()).not.toContain('yyy');
  });

  it('refuses text under a client id another person already wrote under, with 4403', async () => {
    const { room, connect, tab, commitAll } = await admittingRoom();
    const helenasTab = tab();
    room.receive(connect(helena).connection, updateFrame(changeOf(helenasTab, (body) => body.insert(1, [newParagraph('Helena wrote this.', 'p2')]))));
    commitAll();

    // Mikko's crafted update continues Helena's client id.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(helenasTab));
    forged.clientID = helenasTab.clientID;
    const update = changeOf(forged, (body) => body.insert(2, [newParagraph('Signed as Helena.', 'p3')]));
    expect(refusalOf(() => room.receive(connect(mikko).connection, updateFrame(update)))).toBe(CloseCode.forbidden);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).not.toContain('Signed as Helena.');
  });

  it('lets a person write under only so many new client ids (SYNC_NEW_CLIENT_IDS_PER_HOUR): beyond it 1013, nothing applied, and a new socket does not refill it', async () => {
    const { room, connect, queued, tab, bodyText, commitAll } = await admittingRoom();
    const clock = testClock();
    const budget = new TokenBucket({ perSecond: 3 / 3600, burst: 3 }, clock.now);
    const socketOf = () => {
      const { connection } = connect(helena);
      connection.newClientIds = budget;
      return connection;
    };
    const first = socketOf();
    const paragraphFromANewTab = (n: number) => changeOf(tab(), (body) => body.insert(1, [newParagraph(`New tab ${n}.`, `p-${n}`)]));
    const ownTab = tab();
    room.receive(first, updateFrame(changeOf(ownTab, (body) => body.insert(1, [newParagraph('Own tab.', 'p-own')]))));
    for (let n = 1; n <= 2; n++) expect(refusalOf(() => room.receive(first, updateFrame(paragraphFromANewTab(n))))).toBeNull();
    // Writing on under an id already hers costs nothing.
    Y.applyUpdate(ownTab, Y.encodeStateAsUpdate(room.doc));
    expect(refusalOf(() => room.receive(first, updateFrame(changeOf(ownTab, (body) => body.insert(1, [newParagraph('Own tab again.', 'p-again')])))))).toBeNull();
    commitAll();

    expect(refusalOf(() => room.receive(socketOf(), updateFrame(paragraphFromANewTab(4))))).toBe(CloseCode.tryAgainLater);
    expect(bodyText()).not.toContain('New tab 4.');
    expect(queued).toEqual([]);

    // An hour's refill lets the client's resend through.
    clock.advance(20 * 60 * 1000);
    expect(refusalOf(() => room.receive(socketOf(), updateFrame(paragraphFromANewTab(5))))).toBeNull();
    expect(bodyText()).toContain('New tab 5.');
  });

  it('holds a change that builds on the client’s sync answer until that answer, then applies both', async () => {
    const { room, connect, queued, tab, bodyText } = await admittingRoom();
    const { connection } = connect(helena);
    const doc = tab();
    const offline = changeOf(doc, (body) => body.insert(1, [newParagraph('Written offline.', 'p2')]));
    const after = changeOf(doc, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Then: '));

    room.receive(connection, updateFrame(after));
    expect(queued).toEqual([]);
    room.receive(connection, syncFrame(syncProtocol.messageYjsSyncStep2, offline));

    expect(queued).toHaveLength(2);
    expect(bodyText()).toContain('Then: Written offline.');
  });

  it('refuses, once the client answered, a change whose dependencies never came (4422)', async () => {
    const { room, connect, tab } = await admittingRoom();
    const { connection } = connect(helena);
    room.receive(connection, syncFrame(syncProtocol.messageYjsSyncStep2, new Uint8Array([0, 0])));
    const doc = tab();
    changeOf(doc, (body) => body.insert(1, [newParagraph('Never sent.', 'p2')]));
    const after = changeOf(doc, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Then: '));

    expect(refusalOf(() => room.receive(connection, updateFrame(after)))).toBe(CloseCode.updateRefused);
  });

  it('applies nothing when a later extension refuses what admission passed', async () => {
    const refusing: RoomExtension = {
      admitUpdate: () => {
        throw new ProtocolViolation(CloseCode.forbidden, 'refused by a later rule');
      },
    };
    const { room, connect, queued, tab, bodyText } = await admittingRoom({}, [() => refusing]);
    const { connection } = connect(helena);
    const before = bodyText();
    const update = changeOf(tab(), (body) => body.insert(1, [newParagraph('Refused later.', 'p2')]));

    expect(refusalOf(() => room.receive(connection, updateFrame(update)))).toBe(CloseCode.forbidden);
    expect(bodyText()).toBe(before);
    expect(queued).toEqual([]);
  });

  it('lets one sender’s refused update cost only that sender: the next editor’s change is admitted and stored', async () => {
    const refusingMikko: RoomExtension = {
      admitUpdate: (connection) => {
        if (connection.user.id === mikko.id) throw new ProtocolViolation(CloseCode.forbidden, 'refused by a later rule');
        return { newClientIds: [] };
      },
    };
    const { room, connect, queued, tab, bodyText } = await admittingRoom({}, [() => refusingMikko]);
    const mikkosTab = tab();
    const refused = changeOf(mikkosTab, (body) => body.insert(1, [newParagraph('Mikko’s words.', 'p2')]));
    expect(refusalOf(() => room.receive(connect(mikko).connection, updateFrame(refused)))).toBe(CloseCode.forbidden);

    const helenasTab = tab();
    const accepted = changeOf(helenasTab, (body) => body.insert(1, [newParagraph('Helena’s words.', 'p3')]));
    expect(refusalOf(() => room.receive(connect(helena).connection, updateFrame(accepted)))).toBeNull();

    expect(queued.map((entry) => entry.userId)).toEqual([helena.id]);
    expect(queued[0]!.newClientIds).toEqual([helenasTab.clientID]);
    expect(bodyText()).toContain('Helena’s words.');
    expect(bodyText()).not.toContain('Mikko’s words.');
    // Nothing of the refused update stays behind: its client id was never made Mikko's.
    expect(room.clientIdOwners.has(mikkosTab.clientID)).toBe(false);
    expect(room.extension(roomPresenceKey)!.ownerOf(mikkosTab.clientID)).toBeUndefined();
  });

  it('is the standard admission of a room built without one: its checks run and what passes them is applied', async () => {
    const { room, connect, queued } = await loadTestRoom();
    const doc = new Y.Doc();
    const update = changeOf(doc, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')]));
    room.receive(connect(helena).connection, updateFrame(update));
    expect(queued).toHaveLength(1);

    const withoutId = changeOf(doc, (body) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText('No id.')]);
      body.insert(1, [element]);
    });
    expect(refusalOf(() => room.receive(connect(mikko).connection, updateFrame(withoutId)))).toBe(CloseCode.updateRefused);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).not.toContain('No id.');
  });
});
