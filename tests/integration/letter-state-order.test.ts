import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ParagraphHistory } from '../../shared/api/history.js';
import type { LetterStateMessage } from '../../shared/api/signoffs.js';
import { writeLetterStateRequest } from '../../shared/protocol/letter-state-request.js';
import { LetterStateSequence } from '../../shared/protocol/letter-state-sequence.js';
import { applyLetterStateMessage, emptyLetterState, latestAct, type LetterState } from '../../client/sync/letter-state.js';
import { appendParagraph } from './harness/letter-body.js';
import { recordServerMessages, type ServerMessages } from './harness/letter-state-recorder.js';
import { useSharedServer, type ServerProcess } from './harness/server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';

/** A page's copy of the letter state: what it applies follows the sequence's decisions. */
class PageState {
  readonly order = new LetterStateSequence();
  state: LetterState = emptyLetterState;

  constructor(private readonly client: SyncClient) {}

  /** Receives `message` as the page does; asks the server over the client's socket when told to. */
  receive(message: LetterStateMessage): { apply: boolean; askForFull: boolean } {
    const decision = this.order.receive(message);
    if (decision.askForFull) this.client.provider.ws!.send(writeLetterStateRequest());
    if (decision.apply) this.state = applyLetterStateMessage(this.state, message);
    return decision;
  }
}

interface Scene {
  letterId: string;
  helena: Session;
  mette: Session;
  paragraphIds: [string, string];
}

async function approve(server: ServerProcess, scene: Scene, paragraphId: string): Promise<void> {
  const path = `/api/letters/${scene.letterId}/paragraphs/${paragraphId}`;
  const history = (await (await apiRequest(server, scene.mette, 'GET', `${path}/history`)).json()) as ParagraphHistory;
  const response = await apiRequest(server, scene.mette, 'POST', `${path}/signoffs`, { action: 'approve', hash: history.current!.hash });
  expect(response.status).toBe(201);
}

/** A client on the letter whose letter-state messages are recorded, once its full state on joining is in. */
async function joinRecording(server: ServerProcess, scene: Scene): Promise<{ client: SyncClient; pushed: ServerMessages; joined: LetterStateMessage }> {
  const client = connectClient(server, scene.helena, scene.letterId);
  const pushed = recordServerMessages(client);
  await expect.poll(() => pushed.states.find((state) => state.kind === 'full')).toBeDefined();
  return { client, pushed, joined: pushed.states.find((state) => state.kind === 'full')! };
}

/** The next message of `kind` after the first `after` recorded ones. */
async function nextOf(pushed: ServerMessages, after: number, kind: LetterStateMessage['kind']): Promise<LetterStateMessage> {
  await expect.poll(() => pushed.states.slice(after).find((state) => state.kind === kind)).toBeDefined();
  return pushed.states.slice(after).find((state) => state.kind === kind)!;
}

/** Rules in shared/protocol/PROTOCOL.md, message 102, and shared/protocol/letter-state-sequence.ts. */
describe('ORDER letter state (102) is numbered per letter', () => {
  const server = useSharedServer();

  async function setScene(): Promise<Scene> {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const letterId = await createLetter(server(), helena, ['fi-interior', 'dk-immigration']);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const paragraphIds: [string, string] = [randomUUID(), randomUUID()];
    appendParagraph(writer.doc, 'The ministers agree on the first point.', paragraphIds[0]);
    appendParagraph(writer.doc, 'The ministers agree on the second point.', paragraphIds[1]);
    await writer.whenSaved();
    return { letterId, helena, mette, paragraphIds };
  }

  it('ORDER-1 the full state on joining holds the latest number; each change has the next one', async () => {
    const scene = await setScene();
    const { pushed, joined } = await joinRecording(server(), scene);

    await approve(server(), scene, scene.paragraphIds[0]);
    const change = await nextOf(pushed, 1, 'signoffs');
    expect(change.seq).toBe(joined.seq + 1);
    expect((await apiRequest(server(), scene.helena, 'POST', `/api/letters/${scene.letterId}/status`, { to: 'in_review' })).status).toBe(200);
    expect((await nextOf(pushed, 2, 'course')).seq).toBe(joined.seq + 2);

    const later = await joinRecording(server(), scene);
    expect(later.joined.seq).toBe(joined.seq + 2);
  });

  it('ORDER-2 a full state sent on joining cannot overwrite a newer change that overtook it; the page asks again and holds the change', async () => {
    const scene = await setScene();
    const { client, pushed, joined } = await joinRecording(server(), scene);
    await approve(server(), scene, scene.paragraphIds[0]);
    const change = await nextOf(pushed, 1, 'signoffs');
    const page = new PageState(client);

    // The change arrives first, then the full state read before it: the race on joining.
    expect(page.receive(change)).toEqual({ apply: false, askForFull: false });
    expect(page.receive(joined)).toEqual({ apply: true, askForFull: true });
    const fresh = await nextOf(pushed, 2, 'full');
    expect(fresh.seq).toBeGreaterThanOrEqual(change.seq);
    expect(page.receive(fresh)).toEqual({ apply: true, askForFull: false });
    // A stale full state (the one from joining, delivered again late) changes nothing.
    expect(page.receive(joined).apply).toBe(false);

    expect(latestAct(page.state, scene.paragraphIds[0], 'dk-immigration')).toMatchObject({ action: 'approve' });
  });

  it('ORDER-3 a gap makes the page ask, and the server answers with a full state that holds what was missed', async () => {
    const scene = await setScene();
    const { client, pushed, joined } = await joinRecording(server(), scene);
    await approve(server(), scene, scene.paragraphIds[0]);
    await approve(server(), scene, scene.paragraphIds[1]);
    await expect.poll(() => pushed.states.length).toBeGreaterThanOrEqual(3);
    const second = pushed.states[2]!;
    const page = new PageState(client);
    expect(page.receive(joined).apply).toBe(true);

    // The first change is lost on the way; the second shows the gap.
    expect(second.seq).toBe(joined.seq + 2);
    expect(page.receive(second)).toEqual({ apply: false, askForFull: true });
    const fresh = await nextOf(pushed, 3, 'full');
    expect(page.receive(fresh).apply).toBe(true);

    expect(latestAct(page.state, scene.paragraphIds[0], 'dk-immigration')).toMatchObject({ action: 'approve' });
    expect(latestAct(page.state, scene.paragraphIds[1], 'dk-immigration')).toMatchObject({ action: 'approve' });
    expect(client.closeCodes).toEqual([]);
  });
});
