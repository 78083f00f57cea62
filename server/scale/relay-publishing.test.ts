import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { changeOf } from '../../tests/integration/harness/letter-body.js';
import type { RelayedMessage } from '../sync/letter-relay.js';
import { roomPresence } from '../sync/room-presence.js';
import { loadTestRoom, testMember, updateFrame } from '../sync/test-room.js';
import { relayPublishing } from './relay-publishing.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');

describe('relay publishing', () => {
  it('publishes text to the other instances only once it is committed, merged per commit', async () => {
    const published: RelayedMessage[] = [];
    const { room, connect, commitAll } = await loadTestRoom({
      extensions: [(loaded) => relayPublishing(loaded, { publish: (_letterId, message) => published.push(message) })],
    });
    const { connection } = connect(helena);
    const editor = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', 'p1');
    paragraph.insert(0, [new Y.XmlText()]);
    editor.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
    room.receive(connection, updateFrame(Y.encodeStateAsUpdate(editor)));
    room.receive(connection, updateFrame(changeOf(editor, () => (paragraph.get(0) as Y.XmlText).insert(0, 'The ministers agree.'))));
    expect(published).toEqual([]);

    commitAll();
    // Who wrote under the editor's client id goes along: she may write on through another instance.
    expect(published).toEqual([{ kind: 'text', update: expect.any(Uint8Array), owners: [[editor.clientID, helena.id]] }]);
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, (published[0] as { update: Uint8Array }).update);
    expect(elsewhere.getXmlFragment(bodyFieldName).toString()).toBe(editor.getXmlFragment(bodyFieldName).toString());
  });

  it('publishes the presence of connections here with who owns each client id', async () => {
    const published: RelayedMessage[] = [];
    const { room, connect } = await loadTestRoom({
      // The relay finds the presence by its key, wherever the list puts it.
      extensions: [(loaded) => relayPublishing(loaded, { publish: (_letterId, message) => published.push(message) }), roomPresence],
    });
    const { connection } = connect(helena);
    const tab = new awarenessProtocol.Awareness(new Y.Doc());
    tab.setLocalState({ user: { name: 'Helena' }, cursor: null });
    const encoder = awarenessProtocol.encodeAwarenessUpdate(tab, [tab.clientID]);
    const frame = new Uint8Array([1, ...lengthPrefixed(encoder)]);
    room.receive(connection, frame);
    await new Promise((resolve) => setImmediate(resolve));
    expect(published).toEqual([{ kind: 'presence', update: expect.any(Uint8Array), owners: [[tab.clientID, helena.id]] }]);
    tab.destroy();
  });
});

/** `bytes` behind their length as a varint, as y-protocols writes a byte array. */
function lengthPrefixed(bytes: Uint8Array): number[] {
  const prefix: number[] = [];
  let length = bytes.length;
  while (length > 0x7f) {
    prefix.push((length & 0x7f) | 0x80);
    length >>>= 7;
  }
  prefix.push(length);
  return [...prefix, ...bytes];
}
