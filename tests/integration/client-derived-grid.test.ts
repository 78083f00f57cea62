import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ParagraphHistory } from '../../shared/api/history.js';
import type { SignoffGrid } from '../../shared/api/signoffs.js';
import { LetterStateSequence } from '../../shared/protocol/letter-state-sequence.js';
import { deriveSignoffGrid } from '../../client/signoff/derived-signoff-grid.js';
import { applyLetterStateMessage, emptyLetterState, type LetterState } from '../../client/sync/letter-state.js';
import { appendParagraph, bodyOf } from './harness/letter-body.js';
import { recordServerMessages } from './harness/letter-state-recorder.js';
import { useSharedServer, type ServerProcess } from './harness/server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';

/**
 * GRID: a page derives the sign-off grid from its own copy of the text and the letter state the
 * server pushes (message 102), with no request; it must be the grid the server's route builds.
 */
describe('GRID a page derives the sign-off grid the server would build', () => {
  const server = useSharedServer();

  async function act(server: ServerProcess, session: Session, letterId: string, paragraphId: string, body: Record<string, unknown>): Promise<void> {
    const path = `/api/letters/${letterId}/paragraphs/${paragraphId}`;
    const history = (await (await apiRequest(server, session, 'GET', `${path}/history`)).json()) as ParagraphHistory;
    const response = await apiRequest(server, session, 'POST', `${path}/signoffs`, { ...body, hash: history.current!.hash });
    expect(response.status).toBe(201);
  }

  /** A page on the letter: its text and the letter state folded from every 102 it receives, in order. */
  function openPage(session: Session, letterId: string): { doc: Y.Doc; state: () => LetterState } {
    const client = connectClient(server(), session, letterId);
    const order = new LetterStateSequence();
    let state = emptyLetterState;
    const pushed = recordServerMessages(client);
    let folded = 0;
    const fold = () => {
      for (const message of pushed.states.slice(folded)) {
        if (order.receive(message).apply) state = applyLetterStateMessage(state, message);
      }
      folded = pushed.states.length;
      return state;
    };
    return { doc: client.doc, state: fold };
  }

  const routeGrid = async (session: Session, letterId: string) =>
    (await (await apiRequest(server(), session, 'GET', `/api/letters/${letterId}/signoff-grid`)).json()) as SignoffGrid;

  it('GRID-1 states, reasons, reservations, progress, readiness and letter hash match the route, before and after an edit to an approved paragraph', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const letterId = await createLetter(server(), helena, ['fi-interior', 'dk-immigration']);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const [first, second] = [randomUUID(), randomUUID()];
    appendParagraph(writer.doc, 'The ministers agree on the first point.', first);
    appendParagraph(writer.doc, 'The ministers agree on the second point.', second);
    await writer.whenSaved();
    await act(server(), mette, letterId, first, { action: 'approve' });
    await act(server(), mette, letterId, second, { action: 'request_changes', reason: 'Name the agencies.' });
    const reserved = await apiRequest(server(), mette, 'POST', `/api/letters/${letterId}/paragraphs/${second}/reservations`, {
      kind: 'scrutiny',
      reason: 'Copenhagen checks the legal basis.',
    });
    expect(reserved.status).toBe(201);

    const page = openPage(mette, letterId);
    const before = await routeGrid(mette, letterId);
    await expect.poll(() => deriveSignoffGrid(page.doc, page.state()), { timeout: 10_000 }).toEqual(before);
    expect(before.offices.map((office) => office.approved)).toEqual([0, 1]);
    expect(before.openReservations).toBe(1);

    // Helena rewords the paragraph Denmark approved: the page sees the text change, not a new 102.
    const firstText = bodyOf(writer.doc).get(bodyOf(writer.doc).length - 2) as Y.XmlElement;
    (firstText.get(0) as Y.XmlText).insert(0, 'Today ');
    await writer.whenSaved();
    const after = await routeGrid(mette, letterId);
    expect(after.approvedCells).toBe(0);
    await expect.poll(() => deriveSignoffGrid(page.doc, page.state()), { timeout: 10_000 }).toEqual(after);
  });
});
