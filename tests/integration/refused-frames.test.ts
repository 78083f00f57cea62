import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph, bodyOf, newParagraph } from './harness/letter-body.js';
import { closeCodeOf, closeOf, frameOfType, openRawSocket, syncStep2Frame, updateFrame } from './harness/raw-socket.js';
import { SeededRandom } from './harness/seeded-random.js';
import { useSharedServer } from './harness/server-process.js';

const maxMessageBytes = 65_536;

/** An update (from a fresh document) that adds one paragraph holding `text`. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc);
}

/** The update that `change` makes to a fresh document. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * A client's sync step 2 with nothing new. A stock client may send an update before its step 2
 * (see reconnect.test.ts), so a missing dependency is only certain once the step 2 is in.
 */
const handshakeWithNothingNew = syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc()));

/** Updates that break the letter schema, with what the close reason names (it is for developers). */
const schemaBreaks: [name: string, reason: RegExp, change: (doc: Y.Doc) => void][] = [
  [
    'a paragraph inside a paragraph',
    /"paragraph" is not allowed inside "paragraph"/,
    (doc: Y.Doc) => {
      const outer = new Y.XmlElement('paragraph');
      outer.insert(0, [newParagraph('SCHEMA-MARKER')]);
      bodyOf(doc).insert(0, [outer]);
    },
  ],
  [
    "an unknown node type 'script'",
    /"script" is not allowed/,
    (doc: Y.Doc) => {
      const script = new Y.XmlElement('script');
      const code = new Y.XmlText();
      code.insert(0, 'SCHEMA-MARKER');
      script.insert(0, [code]);
      bodyOf(doc).insert(0, [script]);
    },
  ],
  ["a Y.Map at a root other than 'default'", /outside the letter body/, (doc: Y.Doc) => doc.getMap('other').set('note', 'SCHEMA-MARKER')],
  ["a Y.Text at a root other than 'default'", /outside the letter body/, (doc: Y.Doc) => doc.getText('notes').insert(0, 'SCHEMA-MARKER')],
  [
    "a link to 'javascript:alert(1)'",
    /links may only point to/,
    (doc: Y.Doc) => {
      const paragraph = appendParagraph(doc, '');
      (paragraph.get(0) as Y.XmlText).insert(0, 'SCHEMA-MARKER', { link: { href: 'javascript:alert(1)' } });
    },
  ],
  [
    'a mark the letter schema does not have',
    /"underline" is not a mark/,
    (doc: Y.Doc) => {
      const paragraph = appendParagraph(doc, '');
      (paragraph.get(0) as Y.XmlText).insert(0, 'SCHEMA-MARKER', { underline: {} });
    },
  ],
  [
    'an attribute the paragraph does not have',
    /no attribute "onclick"/,
    (doc: Y.Doc) => appendParagraph(doc, 'SCHEMA-MARKER').setAttribute('onclick', 'alert(1)'),
  ],
  [
    'text directly in the body, outside any paragraph',
    /not allowed inside "doc"/,
    (doc: Y.Doc) => {
      const text = new Y.XmlText();
      text.insert(0, 'SCHEMA-MARKER');
      bodyOf(doc).insert(0, [text]);
    },
  ],
];

describe('INV-8 a bad frame costs only its sender', () => {
  const server = useSharedServer({ env: { MAX_MESSAGE_BYTES: String(maxMessageBytes), ROOM_GRACE_MS: '0' } });

  /** Sends `frames` as the sender on the bystanders' letter and returns the close code it got. */
  async function sendAndAwaitClose(frames: (Uint8Array | string)[], marker: string): Promise<number> {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    for (const frame of frames) raw.socket.send(frame);
    const code = await closeCodeOf(raw);
    await expectBystandersUnharmed(server(), bystanders, marker);
    return code;
  }

  it('a truncated frame closes with 4400 (malformed)', async () => {
    const frame = updateFrame(paragraphUpdate('TRUNCATED-MARKER'));
    expect(await sendAndAwaitClose([frame.slice(0, Math.floor(frame.length / 2))], 'TRUNCATED-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it('an empty frame closes with 4400', async () => {
    expect(await sendAndAwaitClose([new Uint8Array(0)], 'EMPTY-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it.each([1, 2, 3, 4, 5])('random bytes close with 4400 (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    expect(await sendAndAwaitClose([random.bytes(16 + random.int(240))], 'RANDOM-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it.each([
    ['an unknown message type (99)', 99],
    ['auth (2), which this server does not speak', MessageType.auth],
    ['saved (100), which only the server sends', MessageType.saved],
  ])('%s closes with 4400', async (_name, type) => {
    const frame = frameOfType(type, paragraphUpdate('TYPE-MARKER'));
    expect(await sendAndAwaitClose([frame], 'TYPE-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it('an unknown sync step closes with 4400', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint8Array(encoder, paragraphUpdate('STEP-MARKER'));
    expect(await sendAndAwaitClose([encoding.toUint8Array(encoder)], 'STEP-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it('presence that is not JSON closes with 4400', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 12345);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{"user": PRESENCE-MARKER');
    expect(await sendAndAwaitClose([frameOfType(MessageType.awareness, encoding.toUint8Array(encoder))], 'PRESENCE-MARKER')).toBe(
      CloseCode.malformedMessage,
    );
  });

  it('a text frame closes with 4400', async () => {
    expect(await sendAndAwaitClose(['{"type":"update","text":"TEXT-MARKER"}'], 'TEXT-MARKER')).toBe(CloseCode.malformedMessage);
  });

  it(`a frame above MAX_MESSAGE_BYTES (${maxMessageBytes}) closes with 1009`, async () => {
    const frame = updateFrame(paragraphUpdate(`OVERSIZED-MARKER ${'x'.repeat(maxMessageBytes)}`));
    expect(frame.length).toBeGreaterThan(maxMessageBytes);
    expect(await sendAndAwaitClose([frame], 'OVERSIZED-MARKER')).toBe(CloseCode.tooLarge);
  });

  it('an update with missing dependencies closes with 4422, and nothing of it is applied', async () => {
    const doc = new Y.Doc();
    appendParagraph(doc, 'Never sent.');
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, 'DEPENDENT-MARKER');
    const dependent = Y.encodeStateAsUpdate(doc, before);
    expect(await sendAndAwaitClose([updateFrame(dependent), handshakeWithNothingNew], 'DEPENDENT-MARKER')).toBe(CloseCode.updateRefused);
  });

  it('an update that deletes text the server never had closes with 4422', async () => {
    const doc = new Y.Doc();
    const paragraph = appendParagraph(doc, 'Never sent.');
    const before = Y.encodeStateVector(doc);
    bodyOf(doc).delete(bodyOf(doc).toArray().indexOf(paragraph), 1);
    appendParagraph(doc, 'DELETER-MARKER');
    const deleting = Y.encodeStateAsUpdate(doc, before);
    expect(await sendAndAwaitClose([updateFrame(deleting), handshakeWithNothingNew], 'DELETER-MARKER')).toBe(CloseCode.updateRefused);
  });

  it('a valid update after a refused one on the same socket is not applied either', async () => {
    const refused = updateOf((doc) => bodyOf(doc).insert(0, [new Y.XmlElement('script')]));
    const valid = paragraphUpdate('FOLLOW-UP-MARKER');
    expect(await sendAndAwaitClose([updateFrame(refused), updateFrame(valid)], 'FOLLOW-UP-MARKER')).toBe(CloseCode.updateRefused);
  });

  // Matching the close reason shows the update failed for the rule under test.
  it.each(schemaBreaks)('an update that breaks the schema (%s) closes with 4422, and nothing of it is applied', async (_name, reason, change) => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(updateOf(change)));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(reason);
    await expectBystandersUnharmed(server(), bystanders, 'SCHEMA-MARKER');
  });

  it('a frame just below the limit is accepted (the limit is not off by much)', async () => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    // In paragraphs of 16,000 characters: a longer paragraph is refused by the letter limits (4413).
    const text = `LARGE ${'y'.repeat(maxMessageBytes - 1024)}`;
    const parts = text.match(/[^]{1,16000}/g) ?? [];
    raw.socket.send(updateFrame(updateOf((doc) => parts.forEach((part) => appendParagraph(doc, part)))));
    await expect.poll(() => bystanders.sameLetter.text).toContain(parts[0]);
    expect(bystanders.sameLetter.text.replaceAll('\n', '')).toContain(text);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
  });
});
