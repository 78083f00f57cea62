import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { watchPresence } from './harness/presence-watcher.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';

/** Runs on one server and again scaled out (vitest.scaled.config.ts), where the watcher and the member may be on different instances. */
describe('the presence of a member removed while the letter is open', () => {
  const server = useSharedServer();

  it('goes away for everyone at once, well before presence would time out (30 s), and does not show on another letter', async () => {
    const [helena, kadri] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Kadri Tamm')]);
    const offices = [helena.user.office.id, kadri.user.office.id];
    const [letterId, otherLetterId] = await Promise.all([createLetter(server(), helena, offices), createLetter(server(), helena, offices)]);
    expect((await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${kadri.user.id}`, { roles: ['drafter'] })).status).toBe(200);
    expect((await apiRequest(server(), helena, 'PUT', `/api/letters/${otherLetterId}/members/${kadri.user.id}`, { roles: ['drafter'] })).status).toBe(200);

    const kadrisTab = connectClient(server(), kadri, letterId);
    await kadrisTab.whenSynced();
    kadrisTab.awareness.setLocalStateField('cursor', null);
    const watcher = watchPresence(server(), helena, letterId);
    const otherWatcher = watchPresence(server(), helena, otherLetterId);
    const kadrisId = kadrisTab.awareness.clientID;
    await expect.poll(() => watcher.presenceOf(kadrisId), { timeout: 10_000 }).toBeDefined();

    const closed = new Promise<number>((resolve) => kadrisTab.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    expect((await apiRequest(server(), helena, 'DELETE', `/api/letters/${letterId}/members/${kadri.user.id}`)).status).toBe(200);
    expect(await closed).toBe(CloseCode.removedFromLetter);
    await expect.poll(() => watcher.presenceOf(kadrisId), { timeout: 10_000 }).toBeUndefined();
    expect(otherWatcher.presenceOf(kadrisId)).toBeUndefined();
  });
});
