import type * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import type { LetterCommentsMessage, ReservationResponse, ThreadResponse } from '../../shared/api/comments.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { readLetterCommentsMessage } from '../../shared/protocol/letter-comments-message.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { recordServerMessages } from './harness/letter-state-recorder.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, findDemoLetterId, signIn } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';

/** Records the comment threads (105) a client receives from now on. */
function recordComments(client: SyncClient): LetterCommentsMessage[] {
  const recorded: LetterCommentsMessage[] = [];
  client.provider.messageHandlers[MessageType.letterComments] = (_encoder: unknown, decoder: decoding.Decoder) => {
    recorded.push(readLetterCommentsMessage(decoder));
  };
  return recorded;
}

describe('comments and reservations, live', () => {
  const server = useSharedServer();

  it('K7 R1 a thread and a reservation reach someone connected elsewhere at once, and a newcomer gets the thread whole', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const kadri = await signIn(server(), 'Kadri Tamm');
    const letterId = await findDemoLetterId(server(), helena);
    // Scaled out, the balancer sends these two connections to different instances.
    const watcher = connectClient(server(), helena, letterId);
    const states = recordServerMessages(watcher).states;
    const threads = recordComments(watcher);
    await watcher.whenSynced();
    const paragraphId = currentParagraphs(watcher.doc)[0]!.id;
    const api = (method: string, path: string, body?: unknown) => apiRequest(server(), kadri, method, `/api/letters/${letterId}${path}`, body);

    const started = await api('POST', '/threads', { paragraphId, body: 'Is the salutation agreed, @Finland?' });
    expect(started.status).toBe(201);
    const { thread } = (await started.json()) as ThreadResponse;
    await expect.poll(() => threads.some((m) => m.kind === 'thread' && m.thread.id === thread.id), { timeout: 10_000 }).toBe(true);

    const entered = await api('POST', `/paragraphs/${paragraphId}/reservations`, { kind: 'note', reason: 'Tallinn reads the salutation once more.' });
    expect(entered.status).toBe(201);
    const { reservation } = (await entered.json()) as ReservationResponse;
    const seen = (lifted: boolean) => states.some((s) => s.kind === 'reservations' && s.reservations.some((r) => r.id === reservation.id && (r.liftedAt !== null) === lifted));
    await expect.poll(() => seen(false), { timeout: 10_000 }).toBe(true);
    expect((await api('POST', `/reservations/${reservation.id}/lift`, {})).status).toBe(200);
    await expect.poll(() => seen(true), { timeout: 10_000 }).toBe(true);

    const newcomer = connectClient(server(), helena, letterId);
    const newcomerThreads = recordComments(newcomer);
    const newcomerStates = recordServerMessages(newcomer).states;
    await newcomer.whenSynced();
    await expect.poll(() => newcomerThreads.some((m) => m.kind === 'full' && m.threads.some((t) => t.id === thread.id)), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => newcomerStates.some((s) => s.kind === 'full' && (s.reservations ?? []).some((r) => r.id === reservation.id && r.liftedAt !== null)), { timeout: 10_000 })
      .toBe(true);
  });
});
