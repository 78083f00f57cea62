import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { LetterStateMessage } from '../../shared/api/signoffs.js';
import { Role } from '../../shared/domain/roles.js';
import { readAccessMessage } from '../../shared/protocol/access-message.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { writeLetterStateRequest } from '../../shared/protocol/letter-state-request.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { Store } from '../store/store.js';
import { createLogger } from '../logger.js';
import { Connection } from './connection.js';
import { RoomLetterState, roomLetterStateKey } from './room-letter-state.js';
import type { ServerEdit } from './server-edit.js';
import { loadTestRoom, testLetterStateExtension, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const mikko = testMember('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Mikko');

const fullState: LetterStateMessage = { kind: 'full', seq: 3, course: { status: 'drafting', signatories: [], finalSignatures: [] }, signoffs: [] };

/**
 * The letter state of a room with the given connections, for a letter in `status` (loaded with
 * `state.loaded()`); `letterState` answers as the sign-off service would.
 */
function letterStateRoom(letterState: () => Promise<LetterStateMessage> = async () => fullState, status: LetterStatus = 'drafting') {
  const connections = new Set<Connection>();
  const state = new RoomLetterState(
    { letterId: '0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11', connections, leave: (connection) => void connections.delete(connection) },
    { letterStatus: async () => status, letterState, logger: createLogger('silent') },
  );
  /** A connection of `user` in the room; `sent` holds its messages, `closed` the code it was closed with. */
  const connect = (user: typeof helena, canEdit: boolean) => {
    const sent: Uint8Array[] = [];
    let closed: number | null = null;
    const connection = new Connection({ isOpen: true, close: (code) => (closed = code), send: (message) => sent.push(message) }, user, `session-${user.id}`, canEdit);
    connections.add(connection);
    return { connection, sent, closed: () => closed };
  };
  return { state, connections, connect };
}

/** The rights each access message (101) among `sent` told the client. */
function accessTold(sent: Uint8Array[]): boolean[] {
  return sent
    .filter((message) => message[0] === MessageType.access)
    .map((message) => {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      return readAccessMessage(decoder).canEdit;
    });
}

describe('room letter state', () => {
  it('tells a joining editor that the text is read-only in the letter’s status, and takes the right to edit away', async () => {
    const { state, connect } = letterStateRoom(undefined, 'ready');
    await state.loaded();
    const editor = connect(helena, true);

    state.joining(editor.connection);

    expect(editor.connection.canEdit).toBe(false);
    expect(accessTold(editor.sent)).toEqual([false]);
  });

  it('turns every open editor read-only when the letter is marked ready, and editable again when it goes back to drafting', async () => {
    const { state, connect } = letterStateRoom();
    await state.loaded();
    const editor = connect(helena, true);
    const reader = connect(mikko, false);
    const editors = new Set([helena.id]);

    state.setTextStatus('ready', (connection) => editors.has(connection.user.id));
    expect(state.keepsTextReadOnly()).toBe(true);
    expect(editor.connection.canEdit).toBe(false);

    state.setTextStatus('drafting', (connection) => editors.has(connection.user.id));
    expect(state.keepsTextReadOnly()).toBe(false);
    expect(editor.connection.canEdit).toBe(true);
    expect(accessTold(editor.sent)).toEqual([false, true]);
    expect(accessTold(reader.sent)).toEqual([]);
  });

  it('follows a role change on open connections: a removed member is closed with 4410, a new editor told so', () => {
    const { state, connections, connect } = letterStateRoom();
    const helenas = connect(helena, false);
    const mikkos = connect(mikko, true);

    state.applyAccess(helena.id, [Role.drafter]);
    state.applyAccess(mikko.id, []);

    expect(accessTold(helenas.sent)).toEqual([true]);
    expect(mikkos.closed()).toBe(CloseCode.removedFromLetter);
    expect(connections.has(mikkos.connection)).toBe(false);
  });

  it('keeps a new editor read-only while the letter is frozen', async () => {
    const { state, connect } = letterStateRoom(undefined, 'signed');
    await state.loaded();
    const helenas = connect(helena, false);

    state.applyAccess(helena.id, [Role.drafter]);

    expect(helenas.connection.canEdit).toBe(false);
    expect(accessTold(helenas.sent)).toEqual([]);
  });

  it('sends the full state on joining, and answers requests one at a time per connection', async () => {
    let answer: (message: LetterStateMessage) => void = () => undefined;
    const reads = vi.fn(() => new Promise<LetterStateMessage>((resolve) => (answer = resolve)));
    const { state, connect } = letterStateRoom(reads);
    const { connection, sent } = connect(helena, true);

    state.joined(connection);
    state.sendFull(connection);
    expect(reads).toHaveBeenCalledTimes(1);
    answer(fullState);
    await vi.waitFor(() => expect(sent.filter((message) => message[0] === MessageType.letterState)).toHaveLength(1));

    state.sendFull(connection);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe('room letter state as an extension of a room', () => {
  it('makes the text of a ready letter read-only: the room refuses an editor’s change with 4403 and makes no change of its own', async () => {
    const { room, connect } = await loadTestRoom({ extensions: [testLetterStateExtension('ready')] });
    const { connection, sent } = connect(helena, true);

    expect(room.isTextReadOnly).toBe(true);
    expect(connection.canEdit).toBe(false);
    expect(accessTold(sent)).toEqual([false]);
    const update = changeOf(new Y.Doc(), (body) => body.insert(0, [newParagraph('Too late.', 'p1')]));
    expect(() => room.receive(connection, updateFrame(update))).toThrow(expect.objectContaining({ code: CloseCode.forbidden }));
    await expect(room.applyServerEdit({} as ServerEdit, () => undefined, [])).rejects.toThrow(/read-only/);
  });

  it('answers a request for the full state (103) through the room', async () => {
    const { room, connect } = await loadTestRoom({ extensions: [testLetterStateExtension('drafting')] });
    const { connection, sent } = connect(helena, true);
    const states = () => sent.filter((message) => message[0] === MessageType.letterState);
    await vi.waitFor(() => expect(states()).toHaveLength(1));

    room.receive(connection, writeLetterStateRequest());

    await vi.waitFor(() => expect(states()).toHaveLength(2));
  });

  it('is absent from a room built without it: the text stays open, no letter state is sent, and a request for one closes with 4400', async () => {
    const { room, connect } = await loadTestRoom({ store: { letters: { getLetter: async () => ({ status: 'ready' }) } as unknown as Store['letters'] } });
    const { connection, sent } = connect(helena, true);

    expect(room.extension(roomLetterStateKey)).toBeUndefined();
    expect(room.isTextReadOnly).toBe(false);
    expect(sent.map((message) => message[0])).toEqual([MessageType.textGeneration, MessageType.sync]);
    expect(() => room.receive(connection, writeLetterStateRequest())).toThrow(expect.objectContaining({ code: CloseCode.malformedMessage }));
  });
});
