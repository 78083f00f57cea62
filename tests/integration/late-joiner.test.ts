import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readTextGenerationMessage } from '../../shared/protocol/text-generation-message.js';
import { originalGeneration } from '../../server/store/store.js';
import { readSavedMessage } from '../../shared/protocol/saved-message.js';
import { appendParagraph, bodyOf, textParagraphs } from './harness/letter-body.js';
import { openRawSocket, syncStep1Frame, syncStep2Frame, whenReceived } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, findDemoLetterId, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

describe('a late joiner', () => {
  const server = useSharedServer();

  it('gets the whole stored letter, structure and marks included', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await findDemoLetterId(server(), helena);

    const joiner = await joinLetter(server(), helena, letterId);

    expect(joiner.text).toContain('Dear President, dear Commissioner,');
    expect(joiner.text).toContain('Yours sincerely,');
    expect(joiner.xml).toContain('<bold>We remain committed.</bold>');
    expect(joiner.xml).toMatch(/<heading [^>]*level="2"[^>]*>What we see at our borders<\/heading>/);
    expect(bodyOf(joiner.doc).toArray().some((node) => 'nodeName' in node && node.nodeName === 'bulletList')).toBe(true);
  });

  it('gets everything others wrote before it joined, equal to what they have', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), mette, letterId);
    await writer.whenSynced();
    for (let i = 0; i < 30; i++) appendParagraph(writer.doc, `Paragraph ${i} written before the joiner came.`);
    const first = textParagraphs(writer.doc)[0]!.text;
    first.insert(0, 'Edited: ');
    first.format(0, 7, { bold: {} });
    first.delete(first.length - 5, 4);
    await writer.whenSaved();

    const joiner = await joinLetter(server(), helena, letterId);

    expect(joiner.xml).toBe(writer.xml);
    expect(textParagraphs(joiner.doc)).toHaveLength(30);
    expect(joiner.text).toContain('Paragraph 29 written before the joiner came.');
  });

  it('keeps up with text written while it joins', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const kadri = await signIn(server(), 'Kadri Tamm');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), kadri, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Before.');

    const joiner = connectClient(server(), helena, letterId);
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `While joining ${i}.`);
    await joiner.whenSynced();
    await writer.whenSaved();

    await expect.poll(() => joiner.xml).toBe(writer.xml);
  });

  it('receives the text generation (104) first, sync step 1 and the step 2 reply, and `saved` (100) names its own sync answer, frame 1', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await findDemoLetterId(server(), helena);
    const raw = openRawSocket(server(), letterId, { cookie: helena.cookie });
    await raw.opened;
    const empty = new Y.Doc();
    raw.socket.send(syncStep1Frame(empty));
    raw.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(empty)));

    // The letter state (102) and the comment threads (105) are sent as soon as they are read from the store, so they may come anywhere among them.
    const frames = await whenReceived(raw, 6);
    const typeOf = (frame: Uint8Array) => decoding.readVarUint(decoding.createDecoder(frame));
    const first = decoding.createDecoder(frames[0]!);
    expect(decoding.readVarUint(first)).toBe(MessageType.textGeneration);
    expect(readTextGenerationMessage(first)).toBe(originalGeneration);
    expect(frames.filter((frame) => typeOf(frame) === MessageType.letterState)).toHaveLength(1);
    expect(frames.filter((frame) => typeOf(frame) === MessageType.letterComments)).toHaveLength(1);
    const sync = frames.filter((frame) => typeOf(frame) === MessageType.sync).map((frame) => decoding.createDecoder(frame));
    const [step1, step2] = sync;
    expect(sync).toHaveLength(2);
    expect([decoding.readVarUint(step1!), decoding.readVarUint(step1!)]).toEqual([MessageType.sync, 0]);
    expect([decoding.readVarUint(step2!), decoding.readVarUint(step2!)]).toEqual([MessageType.sync, 1]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(step2!));
    expect(bodyOf(doc).length).toBeGreaterThan(5);
    const saved = frames.map((frame) => decoding.createDecoder(frame)).find((decoder) => decoding.readVarUint(decoder) === MessageType.saved);
    expect(readSavedMessage(saved!)).toBe(1);
  });
});
