import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph, bodyOf } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

/** The one client group of a v1 update that has one group and no deletions, without its header and delete set. */
function soleGroupOf(update: Uint8Array): Uint8Array {
  expect(update[0]).toBe(1);
  expect(update[update.length - 1]).toBe(0);
  return update.slice(1, -1);
}

/** A v1 update made of these client groups, in this order, and no deletions. */
function updateOfGroups(groups: Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, groups.length);
  for (const group of groups) encoding.writeUint8Array(encoder, group);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A client group with no structs. */
function emptyGroup(client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** Two paragraphs written by one client, as two separate updates: its changes from clock 0, then the rest. */
function twoChangesOfOneClient(): [Uint8Array, Uint8Array, number] {
  const doc = new Y.Doc();
  appendParagraph(doc, 'TWICE-MARKER first');
  const first = Y.encodeStateAsUpdate(doc);
  const between = Y.encodeStateVector(doc);
  appendParagraph(doc, 'TWICE-MARKER second');
  return [first, Y.encodeStateAsUpdate(doc, between), doc.clientID];
}

describe('SYNC-ONE an update that names one client twice costs only its sender', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  it.each([
    ['two groups that continue each other', () => {
      const [first, second] = twoChangesOfOneClient();
      return updateOfGroups([soleGroupOf(first), soleGroupOf(second)]);
    }],
    ['an empty group after the real one', () => {
      const [first, , client] = twoChangesOfOneClient();
      return updateOfGroups([soleGroupOf(first), emptyGroup(client)]);
    }],
  ])('SYNC-ONE1 %s: the sender is closed with 4422, everyone else keeps editing', async (_name, craft) => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(craft()));
    expect((await closeOf(raw)).code).toBe(CloseCode.updateRefused);
    await expectBystandersUnharmed(server(), bystanders, 'TWICE-MARKER');
  });
});

describe('SYNC-ATTR an attribute set twice in one transaction', () => {
  const server = useSharedServer();

  it.each([
    ['a heading level changed twice', (heading: Y.XmlElement) => {
      heading.setAttribute('level', 1 as never);
      heading.setAttribute('level', 3 as never);
    }],
    ['a paragraph id set and set again', (heading: Y.XmlElement) => {
      heading.setAttribute('id', 'first-choice');
      heading.setAttribute('id', 'second-choice');
    }],
  ])('SYNC-ATTR1 %s is accepted and stored as it ends', async (_name, change) => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('id', 'heading-one');
    heading.setAttribute('level', 2 as never);
    heading.insert(0, [new Y.XmlText('Background')]);
    bodyOf(writer.doc).insert(0, [heading]);
    await writer.whenSaved();

    writer.doc.transact(() => change(heading));
    await writer.whenSaved();
    expect(writer.closeCodes).toEqual([]);
    const reader = await joinLetter(server(), helena, letterId);
    expect(reader.xml).toBe(writer.xml);
  });
});
