import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { maxPresenceEntryLength } from '../../shared/protocol/presence-state.js';
import { appendParagraph, bodyOf } from './harness/letter-body.js';
import { watchPresence } from './harness/presence-watcher.js';
import { closeCodeOf, openRawSocket, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn, type Session } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';

/** An awareness frame (message 1) carrying one entry with `state` written as JSON text. */
function presenceFrame(clientId: number, clock: number, stateJson: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, stateJson);
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** A relative position as awareness carries it (plain JSON). */
function positionJson(position: Y.RelativePosition): unknown {
  return JSON.parse(JSON.stringify(position)) as unknown;
}

/** A caret inside the first paragraph's text, as the editor of `client` would send it. */
function caretInFirstParagraph(client: SyncClient, offset: number): { anchor: unknown; head: unknown } {
  const paragraph = bodyOf(client.doc).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const position = positionJson(Y.createRelativePositionFromTypeIndex(text, offset));
  return { anchor: position, head: position };
}

interface Scene {
  letterId: string;
  observer: Session;
  writer: SyncClient;
  watcher: ReturnType<typeof watchPresence>;
}

/** Rules P1–P4 are in shared/protocol/PROTOCOL.md, "Course of a connection", step 6 (invariants 12 and 13). */
describe('INV-12 presence is data, not trust', () => {
  const server = useSharedServer();

  async function setScene(): Promise<Scene> {
    const helena = await signIn(server(), 'Helena Virtanen');
    const observer = await signIn(server(), 'Jānis Bērziņš');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'The ministers agree on the text.');
    await writer.whenSaved();
    const watcher = watchPresence(server(), helena, letterId);
    return { letterId, observer, writer, watcher };
  }

  /** A raw socket of `observer` that has joined and sent `frames`. */
  async function sendPresence(scene: Scene, frames: Uint8Array[]): Promise<RawSocket> {
    const raw = openRawSocket(server(), scene.letterId, { cookie: scene.observer.cookie });
    await raw.opened;
    for (const frame of frames) raw.socket.send(frame);
    return raw;
  }

  it('P1 a cursor that is not a pair of relative positions ({anchor:{junk:true}}) reaches nobody; the sender stays, shown by name', async () => {
    const scene = await setScene();
    const raw = await sendPresence(scene, [presenceFrame(41, 1, JSON.stringify({ cursor: { anchor: { junk: true }, head: { junk: true } } }))]);

    await expect.poll(() => scene.watcher.presenceOf(41)).toEqual({ user: expect.objectContaining({ name: 'Jānis Bērziņš' }), cursor: null });
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
  });

  it('P2 fields the server does not know are dropped; a caret into the letter passes', async () => {
    const scene = await setScene();
    const caret = caretInFirstParagraph(scene.writer, 4);
    const state = { cursor: caret, script: '<img src=x onerror=alert(1)>', selection: { all: true }, user: { name: 'Jānis Bērziņš', role: 'minister' } };
    await sendPresence(scene, [presenceFrame(42, 1, JSON.stringify(state))]);

    await expect.poll(() => scene.watcher.presenceOf(42)).toBeDefined();
    const shown = scene.watcher.presenceOf(42)!;
    expect(Object.keys(shown).sort()).toEqual(['cursor', 'user']);
    expect(shown.cursor).toEqual(caret);
    expect(Object.keys(shown.user as object).sort()).toEqual(['color', 'country', 'name', 'office', 'officeId']);
  });

  it('P3 a cursor into another type of the document, or into text the letter does not hold, is dropped', async () => {
    const scene = await setScene();
    const inBody = caretInFirstParagraph(scene.writer, 2);
    const elsewhere = new Y.Doc();
    const foreignText = elsewhere.getText('comments');
    foreignText.insert(0, 'elsewhere');
    const hostile = [
      { anchor: { type: null, tname: 'comments', item: null, assoc: 0 }, head: inBody.head },
      { anchor: inBody.anchor, head: positionJson(Y.createRelativePositionFromTypeIndex(foreignText, 3)) },
      { anchor: { type: null, tname: null, item: { client: 7, clock: 99 }, assoc: 0 }, head: inBody.head },
      { anchor: { type: null, tname: null, item: null, assoc: 0 }, head: inBody.head },
    ];
    await sendPresence(
      scene,
      hostile.map((cursor, index) => presenceFrame(50 + index, 1, JSON.stringify({ cursor }))),
    );

    for (const [index] of hostile.entries()) {
      await expect.poll(() => scene.watcher.presenceOf(50 + index)).toMatchObject({ cursor: null });
    }
  });

  it(`P4 an entry longer than ${maxPresenceEntryLength} characters closes its sender with 1009 and reaches nobody`, async () => {
    const scene = await setScene();
    const huge = JSON.stringify({ cursor: caretInFirstParagraph(scene.writer, 1), padding: `HUGE-MARKER ${'x'.repeat(maxPresenceEntryLength)}` });
    const raw = await sendPresence(scene, [presenceFrame(60, 1, huge)]);

    expect(await closeCodeOf(raw)).toBe(CloseCode.tooLarge);
    // The writer's next presence arrives after anything the sender's frame could have caused.
    scene.writer.awareness.setLocalStateField('cursor', caretInFirstParagraph(scene.writer, 3));
    await expect.poll(() => scene.watcher.presenceOf(scene.writer.doc.clientID)).toMatchObject({ cursor: caretInFirstParagraph(scene.writer, 3) });
    expect(scene.watcher.presenceOf(60)).toBeUndefined();
    expect(JSON.stringify([...scene.watcher.awareness.getStates().values()])).not.toContain('HUGE-MARKER');
  });
});
