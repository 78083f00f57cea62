import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode } from '../../shared/api/errors.js';
import type { Office } from '../../shared/api/offices.js';
import type { SessionUser } from '../../shared/api/session.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readAccessMessage } from '../../shared/protocol/access-message.js';
import * as decoding from 'lib0/decoding';
import { bodyOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { Connection } from './connection.js';
import type { Room } from './room.js';
import { updateFrame } from './test-room.js';

const office: Office = {
  id: 'aa-interior',
  name: 'Ministerstvo vnitra',
  nameEn: 'Ministry of the Interior',
  country: 'Testland',
  ministerName: 'Jana Nováková',
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
};

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
let user: SessionUser;
let cookie: string;
let letterId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-commit-failure-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions());
  await store.accounts.insertOffices([office]);
  user = { id: randomUUID(), name: 'Jana Nováková', email: 'jana@aa.example', isAdmin: false, isOfficeAdmin: false, office };
  await store.accounts.insertUser({ id: user.id, officeId: office.id, name: user.name, email: user.email, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
  cookie = `jointly_session=${(await services.sessions.start(user.id)).id}`;
  letterId = randomUUID();
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: user.id, createdAt: now, updatedAt: now },
    signatories: [{ position: 0, officeId: office.id, signerName: 'Jana Nováková', capacity: 'Minister' }],
    memberships: [{ userId: user.id, roles: ['coordinator', 'approver'] }],
  });
});

afterEach(async () => {
  await services.registry.closeAll();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A client's first paragraph, as the sync frame y-websocket would send for it. */
function paragraphFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  bodyOf(doc).insert(0, [newParagraph(text)]);
  return updateFrame(Y.encodeStateAsUpdate(doc));
}

/** Resolves the next time `room.settled()` is called: a request is then waiting for the commit. */
function nextSettledCall(room: Room): Promise<void> {
  return new Promise((resolve) => {
    const original = room.settled.bind(room);
    room.settled = () => {
      resolve();
      return original();
    };
  });
}

describe('a commit the store refuses', () => {
  it('answers a request waiting for it with 503 instead of leaving it hanging, and closes the room with 4500', { timeout: 10_000 }, async () => {
    const closes: number[] = [];
    const connection = new Connection({ send: () => {}, close: (code) => closes.push(code), isOpen: true }, user, 'session', true);
    const room = await services.registry.join(letterId, connection);
    let failCommit: (error: Error) => void = () => {};
    const committing = new Promise<void>((started) => {
      vi.spyOn(store.text, 'appendUpdates').mockImplementationOnce(
        () =>
          new Promise((_resolve, reject) => {
            failCommit = reject;
            started();
          }),
      );
    });

    room.receive(connection, paragraphFrame('Dear Commissioner,'));
    const waiting = nextSettledCall(room);
    const grid = services.app.request(`/api/letters/${letterId}/signoff-grid`, { headers: { cookie } });
    await Promise.all([waiting, committing]);
    failCommit(new Error('disk I/O error'));

    const response = await grid;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.storeUnavailable);
    expect(closes).toEqual([CloseCode.storeFailure]);
  });
});

describe('an edit of a letter another instance has just marked ready (rule C5)', () => {
  /** What the other instance stores when it marks the letter ready, before this one hears of it. */
  async function markedReadyElsewhere(): Promise<void> {
    const move = async (from: 'drafting' | 'in_review', to: 'in_review' | 'ready') =>
      store.signoffs.recordLetterEvent(
        { letterId, kind: 'status_changed', officeId: null, fromStatus: from, toStatus: to, letterHash: null, reason: null, userId: user.id, createdAt: new Date().toISOString() },
        from,
        [],
        { textThroughSeq: (await store.text.loadText(letterId)).lastSeq },
      );
    expect(await move('drafting', 'in_review')).toBe(true);
    expect(await move('in_review', 'ready')).toBe(true);
  }

  /** Whether the last access message this connection was sent lets it edit. */
  function lastAccess(frames: Uint8Array[]): boolean | null {
    const access = frames
      .map((frame) => decoding.createDecoder(frame))
      .filter((decoder) => decoding.readVarUint(decoder) === MessageType.access)
      .map((decoder) => readAccessMessage(decoder).canEdit);
    return access.at(-1) ?? null;
  }

  it('is not stored: the room closes, and the reconnecting client is told the text is read-only', { timeout: 10_000 }, async () => {
    const closes: number[] = [];
    const connection = new Connection({ send: () => {}, close: (code) => closes.push(code), isOpen: true }, user, 'session', true);
    const room = await services.registry.join(letterId, connection);
    await markedReadyElsewhere();
    const closed = new Promise<void>((resolve) => {
      const original = connection.close.bind(connection);
      connection.close = (...args: Parameters<Connection['close']>) => {
        original(...args);
        resolve();
      };
    });

    room.receive(connection, paragraphFrame('A clause nobody approved.'));
    await closed;

    expect(closes).toEqual([CloseCode.storeFailure]);
    expect((await store.text.loadText(letterId)).updates).toEqual([]);
    const frames: Uint8Array[] = [];
    const again = new Connection({ send: (frame) => frames.push(frame), close: (code) => closes.push(code), isOpen: true }, user, 'session', true);
    await services.registry.join(letterId, again);
    expect(lastAccess(frames)).toBe(false);
  });
});
