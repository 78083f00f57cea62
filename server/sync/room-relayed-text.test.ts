import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { ProtocolViolation } from './protocol-violation.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const kadri = testMember('0c7d8a52-3f0e-4c8e-b4a7-5d1e2f3a4b5c', 'Kadri');

/** Helena's tab wrote a paragraph through another instance, which committed it and relayed it here with its owner. */
async function roomWithRelayedText() {
  const test = await loadTestRoom();
  const helenasTab = new Y.Doc();
  const written = changeOf(helenasTab, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')]));
  test.room.applyCommitted(written, [[helenasTab.clientID, helena.id]]);
  return { ...test, helenasTab };
}

const typeInto = (tab: Y.Doc, words: string) => changeOf(tab, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words));

describe('text committed on another instance', () => {
  it('lets its writer, reconnected to this instance, write on under the same client id', async () => {
    const { room, connect, commitAll, helenasTab } = await roomWithRelayedText();
    const { connection } = connect(helena);

    room.receive(connection, updateFrame(typeInto(helenasTab, 'Today ')));

    expect(commitAll().map((entry) => entry.userId)).toEqual([helena.id]);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toContain('Today The ministers agree.');
  });

  it('still refuses anyone else writing under that client id (4403)', async () => {
    const { room, connect, helenasTab } = await roomWithRelayedText();
    const { connection } = connect(kadri);
    const posing = new Y.Doc();
    Y.applyUpdate(posing, Y.encodeStateAsUpdate(helenasTab));
    posing.clientID = helenasTab.clientID;

    let refusal: unknown = null;
    try {
      room.receive(connection, updateFrame(typeInto(posing, 'Not agreed: ')));
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(ProtocolViolation);
    expect((refusal as ProtocolViolation).code).toBe(CloseCode.forbidden);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).not.toContain('Not agreed');
  });
});
