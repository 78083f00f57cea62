import { describe, expect, it } from 'vitest';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { collectTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, bodyCaret } from './harness/letter-body.js';
import { recordServerMessages } from './harness/letter-state-recorder.js';
import { watchPresence } from './harness/presence-watcher.js';
import { editRandomly } from './harness/random-edit.js';
import { useSharedScaledDeployment } from './harness/scaled-deployment.js';
import { demoPassword, type ServerProcess } from './harness/server-process.js';
import { SeededRandom } from './harness/seeded-random.js';
import { apiRequest, createLetter, findDemoLetterId, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';
import { yieldToEventLoop } from './harness/wait-for.js';

const rounds = 80;

function expectConverged(clients: SyncClient[]): Promise<void> {
  return expect.poll(() => new Set(clients.map((client) => client.xml)).size, { timeout: 10_000 }).toBe(1);
}

describe('SCALE several instances on one PostgreSQL and one Redis', () => {
  const deployment = useSharedScaledDeployment(2);

  it('SCALE-1 editors on two instances converge, see each other’s presence, and a late joiner on either gets the whole letter', async () => {
    const [first, second] = deployment().instances as [ServerProcess, ServerProcess];
    const helena = await signIn(first, 'Helena Virtanen');
    const letterId = await createLetter(first, helena);
    const people = ['Kadri Tamm', 'Mette Sørensen', 'Jānis Bērziņš', 'Rūta Kazlauskienė'];
    // Sessions live in the database: signed in on one instance, they work on the other.
    const sessions = await Promise.all(people.map((name) => signIn(first, name)));
    const clients = sessions.map((session, i) => connectClient(i % 2 === 0 ? first : second, session, letterId));
    await Promise.all(clients.map((client) => client.whenSynced()));

    const watcher = watchPresence(second, helena, letterId);
    clients[0]!.awareness.setLocalStateField('cursor', bodyCaret('start', 'end'));
    await expect.poll(() => watcher.presenceOf(clients[0]!.doc.clientID)).toMatchObject({ user: { name: 'Kadri Tamm' }, cursor: bodyCaret('start', 'end') });

    const random = new SeededRandom(20_261_122);
    appendParagraph(clients[0]!.doc, 'Opening paragraph. ');
    await clients[0]!.whenSaved();
    for (let round = 0; round < rounds; round++) {
      for (const client of clients) for (let i = random.int(3); i > 0; i--) editRandomly(client.doc, random);
      // Let frames cross on the wire so that edits on the two instances are concurrent.
      await yieldToEventLoop();
    }
    await Promise.all(clients.map((client) => client.whenSaved()));
    await expectConverged(clients);

    const lateJoiners = await Promise.all([joinLetter(first, helena, letterId), joinLetter(second, helena, letterId)]);
    for (const lateJoiner of lateJoiners) expect(lateJoiner.xml).toBe(clients[0]!.xml);
    for (const client of [...clients, ...lateJoiners]) expect(client.closeCodes).toEqual([]);
  });

  it('SCALE-2 a sign-off made through one instance reaches editors on the other at once', async () => {
    const [first, second] = deployment().instances as [ServerProcess, ServerProcess];
    const kadri = await signIn(second, 'Kadri Tamm');
    const helena = await signIn(first, 'Helena Virtanen');
    const letterId = await findDemoLetterId(first, helena);
    const approver = await joinLetter(second, kadri, letterId);
    const watcher = connectClient(first, helena, letterId);
    const pushed = recordServerMessages(watcher);
    await watcher.whenSynced();

    const block = collectTextBlocks(approver.doc.getXmlFragment(bodyFieldName))[0]!;
    const hash = paragraphHash(textBlockJson(block.element));
    const response = await apiRequest(second, kadri, 'POST', `/api/letters/${letterId}/paragraphs/${block.id}/signoffs`, { action: 'approve', hash });
    expect(response.status).toBe(201);
    await expect
      .poll(() => pushed.states.flatMap((state) => (state.kind === 'signoffs' ? state.signoffs : [])))
      .toContainEqual(expect.objectContaining({ paragraphId: block.id, officeId: kadri.user.office.id, action: 'approve', hash }));
  });

  it('SCALE-3 a role change, a removal and a sign-out on one instance reach open sockets on the other', async () => {
    const [first, second] = deployment().instances as [ServerProcess, ServerProcess];
    const helena = await signIn(first, 'Helena Virtanen');
    const [kadri, mette, janis] = await Promise.all(['Kadri Tamm', 'Mette Sørensen', 'Jānis Bērziņš'].map((name) => signIn(second, name)));
    const letterId = await createLetter(first, helena);
    const downgraded = connectClient(second, kadri!, letterId);
    const removed = connectClient(second, mette!, letterId);
    const signedOut = connectClient(second, janis!, letterId);
    const pushed = recordServerMessages(downgraded);
    await Promise.all([downgraded, removed, signedOut].map((client) => client.whenSynced()));
    const closeOf = (client: SyncClient) => new Promise<number>((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    const [removedClosed, signedOutClosed] = [closeOf(removed), closeOf(signedOut)];

    const members = `/api/letters/${letterId}/members`;
    expect((await apiRequest(first, helena, 'PUT', `${members}/${kadri!.user.id}`, { roles: ['observer'] })).status).toBe(200);
    expect((await apiRequest(first, helena, 'DELETE', `${members}/${mette!.user.id}`)).status).toBe(200);
    expect((await apiRequest(first, janis!, 'POST', '/api/auth/logout')).status).toBe(204);

    await expect.poll(() => pushed.accessChanges.at(-1)?.canEdit).toBe(false);
    expect(await removedClosed).toBe(CloseCode.removedFromLetter);
    expect(await signedOutClosed).toBe(CloseCode.unauthenticated);
  });

  // Last in the file: it locks an account out for the rest of the window.
  it('SCALE-4 failed sign-ins count across instances: guesses spread over both are limited as one', async () => {
    const { instances } = deployment();
    const attempt = async (i: number, password: string) =>
      (
        await fetch(`${instances[i % 2]!.httpUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'kadri@ee-interior.example', password }),
        })
      ).status;
    // Five failures are allowed per account, wherever they happen; the sixth attempt is refused even with the right password.
    for (let i = 0; i < 5; i++) expect(await attempt(i, 'not the password')).toBe(401);
    expect(await attempt(5, demoPassword)).toBe(429);
    expect(await attempt(6, demoPassword)).toBe(429);
  });
});
