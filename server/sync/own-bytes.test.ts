import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { ownBytes } from './own-bytes.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');

describe('own bytes', () => {
  it('copy an update read from a larger buffer into a buffer of its own size, with the same bytes', () => {
    const frame = new Uint8Array(65_536).fill(7);
    frame.set([1, 2, 3], 100);
    const owned = ownBytes(frame.subarray(100, 103));
    expect(owned.buffer.byteLength).toBe(3);
    expect(Array.from(owned)).toEqual([1, 2, 3]);
  });

  it('keep bytes that already fill their buffer as they are', () => {
    const update = new Uint8Array([4, 5]);
    expect(ownBytes(update)).toBe(update);
  });

  it('are what a room stores and sends on of a frame read from a socket buffer, not a view that holds the whole buffer', async () => {
    const { room, connect, queued } = await loadTestRoom();
    const { connection } = connect(helena);
    const editor = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', 'p1');
    paragraph.insert(0, [new Y.XmlText('We agree.')]);
    editor.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
    const frame = updateFrame(Y.encodeStateAsUpdate(editor));
    // A socket hands frames over as views into its read buffer.
    const readBuffer = new Uint8Array(65_536);
    readBuffer.set(frame, 512);
    room.receive(connection, readBuffer.subarray(512, 512 + frame.length));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.update.buffer.byteLength).toBe(queued[0]!.update.byteLength);
  });
});
