import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { closeOf, openRawSocket, type RawSocket, whenReceived } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';

/**
 * The limits are in README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". Each
 * instance counts the websockets open on it, so these run against one instance only (not under
 * `npm run test:scaled`, where a round-robin balancer spreads one person's sockets over two).
 */

/** Whether the server let a socket in (it sent the letter's first message) or closed it, and with which code. */
async function outcomeOf(raw: RawSocket): Promise<'admitted' | number> {
  return Promise.race([whenReceived(raw, 1).then(() => 'admitted' as const), closeOf(raw).then(({ code }) => code)]);
}

describe('INV-13 websockets per session and per person are limited', () => {
  const server = useSharedServer({ env: { SYNC_MAX_CONNECTIONS_PER_SESSION: '3', SYNC_MAX_CONNECTIONS_PER_PERSON: '5' } });

  it('a session that opens more sockets than allowed has the extra ones closed with 4429, and gets one again once it closes one', async () => {
    const canary = await openCanary(server());
    const [helena, erik] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await createLetter(server(), helena);
    const sockets = Array.from({ length: 3 }, () => openRawSocket(server(), letterId, { cookie: erik.cookie }));
    expect(await Promise.all(sockets.map(outcomeOf))).toEqual(['admitted', 'admitted', 'admitted']);

    const extra = Array.from({ length: 20 }, () => openRawSocket(server(), letterId, { cookie: erik.cookie }));
    const [outcomes] = await Promise.all([Promise.all(extra.map(outcomeOf)), canaryEchoes(canary, 'Written while sockets pile up.')]);
    expect(new Set(outcomes)).toEqual(new Set([CloseCode.tooManyConnections]));

    sockets[0]!.socket.close();
    await closeOf(sockets[0]!);
    // The server counts the socket out when it sees it close, which the client may learn of first.
    await expect.poll(() => outcomeOf(openRawSocket(server(), letterId, { cookie: erik.cookie }))).toBe('admitted');
  });

  it('a person with several sessions is limited across them', async () => {
    const canary = await openCanary(server());
    const helena = await signIn(server(), 'Helena Virtanen');
    const [first, second] = await Promise.all([signIn(server(), 'Jānis Bērziņš'), signIn(server(), 'Jānis Bērziņš')]);
    const letterId = await createLetter(server(), helena);
    const opened = [
      ...Array.from({ length: 3 }, () => openRawSocket(server(), letterId, { cookie: first.cookie })),
      ...Array.from({ length: 2 }, () => openRawSocket(server(), letterId, { cookie: second.cookie })),
    ];
    expect(await Promise.all(opened.map(outcomeOf))).toEqual(Array.from({ length: 5 }, () => 'admitted'));

    const sixth = openRawSocket(server(), letterId, { cookie: second.cookie });
    const [outcome] = await Promise.all([outcomeOf(sixth), canaryEchoes(canary, 'Written while one person opens too many.')]);
    expect(outcome).toBe(CloseCode.tooManyConnections);
  });
});

describe('INV-13 websockets per network address are limited', () => {
  const server = useSharedServer({ env: { SYNC_MAX_CONNECTIONS_PER_ADDRESS: '4' } });

  it('sockets beyond the limit of one address are closed with 4429, and those already open keep working', async () => {
    const canary = await openCanary(server());
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), helena);
    const people = await Promise.all(['Erik Åkesson', 'Jānis Bērziņš', 'Rūta Kazlauskienė'].map((name) => signIn(server(), name)));
    // The canary's two sockets and one more fill three of the four places.
    const third = openRawSocket(server(), letterId, { cookie: helena.cookie });
    expect(await outcomeOf(third)).toBe('admitted');
    const others = people.map((person) => openRawSocket(server(), letterId, { cookie: person.cookie }));
    const outcomes = await Promise.all(others.map(outcomeOf));
    expect(outcomes.filter((outcome) => outcome === 'admitted')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === CloseCode.tooManyConnections)).toHaveLength(2);
    await canaryEchoes(canary, 'Written while the address is full.');
  });
});
