import { expect } from 'vitest';
import { CloseCode } from '../../../shared/protocol/close-codes.js';
import { canaryEchoes, openCanary, type Canary } from './canary.js';
import { appendParagraph } from './letter-body.js';
import { closeOf, type RawSocket } from './raw-socket.js';
import type { ServerProcess } from './server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './sign-in.js';
import { connectClient, type SyncClient } from './sync-client.js';

/**
 * A letter Helena writes on, with Erik as a colleague and Jānis as an observer who is about to ask
 * for more than his budget; a canary on a letter of its own shows the cost stays with him.
 */
export interface ObservedLetter {
  canary: Canary;
  letterId: string;
  writer: SyncClient;
  colleague: Session;
  observer: Session;
}

export async function openObservedLetter(server: ServerProcess): Promise<ObservedLetter> {
  const canary = await openCanary(server);
  const [helena, erik, janis] = await Promise.all([signIn(server, 'Helena Virtanen'), signIn(server, 'Erik Åkesson'), signIn(server, 'Jānis Bērziņš')]);
  const letterId = await createLetter(server, helena, [helena.user.office.id, erik.user.office.id, janis.user.office.id]);
  const readOnly = await apiRequest(server, helena, 'PUT', `/api/letters/${letterId}/members/${janis.user.id}`, { roles: ['observer'] });
  expect(readOnly.status).toBe(200);
  const writer = connectClient(server, helena, letterId);
  await writer.whenSynced();
  return { canary, letterId, writer, colleague: erik, observer: janis };
}

/**
 * The writer adds `text`; the observer's socket is closed with 1013 and the refusal logged, while
 * the colleague gets the text and neither the writer, the colleague nor the canary is disconnected.
 */
export async function expectOnlyObserverRefused(server: ServerProcess, letter: ObservedLetter, observerSocket: RawSocket, colleague: SyncClient, text: string): Promise<void> {
  appendParagraph(letter.writer.doc, text);
  const [closed] = await Promise.all([
    closeOf(observerSocket),
    canaryEchoes(letter.canary, 'Written on another letter meanwhile.'),
    expect.poll(() => colleague.text, { timeout: 10_000 }).toContain(text),
  ]);
  expect(closed.code).toBe(CloseCode.tryAgainLater);
  expect(letter.writer.closeCodes).toEqual([]);
  expect(colleague.closeCodes).toEqual([]);
  expect(
    server.logsWith('closing connection').some((line) => line.userId === letter.observer.user.id && line.code === CloseCode.tryAgainLater),
    'the refusal is logged',
  ).toBe(true);
}
