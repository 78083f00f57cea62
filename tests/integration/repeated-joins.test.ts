import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, whenLetterStates, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';
import { scaledServices } from './harness/test-deployment.js';

const joinsPerMinute = 20;

/** SYNC_JOINS_PER_MINUTE: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". Each instance counts its own. */
describe('opening websockets again and again draws from the person’s join budget', () => {
  const server = useSharedServer({ env: { SYNC_JOINS_PER_MINUTE: String(joinsPerMinute) } });

  it('a member opening and closing sockets in a loop is refused with 1013 before the letter is read; a colleague keeps joining and getting edits', async () => {
    const [helena, erik, janis] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson'), signIn(server(), 'Jānis Bērziņš')]);
    const letterId = await createLetter(server(), helena, [helena.user.office.id, erik.user.office.id, janis.user.office.id]);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();

    const instances = scaledServices() ? 2 : 1;
    let joins = 0;
    // Behind the balancer each instance counts its own: the member is refused once every instance refused in turn.
    const refusals: RawSocket[] = [];
    for (let attempt = 0; attempt < 4 * joinsPerMinute * instances && refusals.length < instances; attempt++) {
      const raw = openRawSocket(server(), letterId, { cookie: janis.cookie });
      await raw.opened;
      // Joining reads the full letter state (102) from the store; a refused socket closes first.
      if (await whenLetterStates(raw, 1)) {
        joins++;
        refusals.length = 0;
        raw.socket.close();
        await closeOf(raw);
      } else {
        refusals.push(raw);
      }
    }
    expect(refusals).toHaveLength(instances);
    for (const refused of refusals) {
      expect((await closeOf(refused)).code).toBe(CloseCode.tryAgainLater);
      // Nothing of the letter was sent on a refused socket: it was refused before the join's reads.
      expect(refused.received).toEqual([]);
    }
    expect(joins).toBeGreaterThanOrEqual(joinsPerMinute);
    // The budget saved up on each instance, and at most what refilled while the loop ran.
    expect(joins).toBeLessThanOrEqual((joinsPerMinute + 3) * instances);
    expect(
      server()
        .logsWith('refusing connection')
        .some((line) => line.userId === janis.user.id && line.reason === 'too many joins'),
      'the refusal is logged',
    ).toBe(true);

    // A colleague on the same letter joins, more than once, and gets the edits.
    for (let round = 1; round <= 3; round++) {
      const colleague = await joinLetter(server(), erik, letterId);
      appendParagraph(writer.doc, `Written while a member keeps reopening sockets, round ${round}.`);
      await expect.poll(() => colleague.text, { timeout: 10_000 }).toContain(`Written while a member keeps reopening sockets, round ${round}.`);
      expect(colleague.closeCodes).toEqual([]);
      colleague.destroy();
    }
    expect(writer.closeCodes).toEqual([]);
  });
});
