import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, bodyCaret } from './harness/letter-body.js';
import { watchPresence } from './harness/presence-watcher.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';
import { startProxy } from './harness/tcp-proxy.js';

/** The rules are in shared/protocol/PROTOCOL.md, "Course of a connection", step 5. */
describe('INV-5 presence shows the authenticated identity', () => {
  const server = useSharedServer();

  it('what a client sends in `user` is replaced by its authenticated name, office, country and colour', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const jaanis = await signIn(server(), 'Jānis Bērziņš');
    const letterId = await createLetter(server(), helena);
    const watcher = watchPresence(server(), helena, letterId);

    const client = connectClient(server(), jaanis, letterId);
    client.awareness.setLocalStateField('user', { name: jaanis.user.name, color: '#000000', role: 'minister' });
    client.awareness.setLocalStateField('cursor', bodyCaret('start', 'start'));

    const { office } = jaanis.user;
    const shown = { name: 'Jānis Bērziņš', officeId: office.id, office: office.nameEn, country: 'Latvia', color: office.color };
    await expect.poll(() => watcher.presenceOf(client.doc.clientID)).toEqual({ cursor: bodyCaret('start', 'start'), user: shown });
    client.awareness.setLocalStateField('cursor', bodyCaret('start', 'end'));
    await expect.poll(() => watcher.presenceOf(client.doc.clientID)).toEqual({ cursor: bodyCaret('start', 'end'), user: shown });
    expect(client.closeCodes).toEqual([]);
  });

  it("a client whose `user` names someone else ('Impostor') is closed with 4403, and the name reaches no one", async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const jaanis = await signIn(server(), 'Jānis Bērziņš');
    const letterId = await createLetter(server(), helena);
    const watcher = watchPresence(server(), helena, letterId);
    const honest = connectClient(server(), helena, letterId);
    honest.awareness.setLocalStateField('cursor', bodyCaret('start', 'start'));
    await expect.poll(() => watcher.presenceOf(honest.doc.clientID)).toBeDefined();

    const impostor = connectClient(server(), jaanis, letterId);
    impostor.awareness.setLocalStateField('user', { name: 'Impostor', color: '#000000', office: 'Ministry of Truth' });

    await expect.poll(() => impostor.closeCodes).toEqual([CloseCode.forbidden]);
    // Presence that arrives after the refusal would have arrived before the honest client's next change.
    honest.awareness.setLocalStateField('cursor', bodyCaret('start', 'end'));
    await expect.poll(() => watcher.presenceOf(honest.doc.clientID)).toMatchObject({ cursor: bodyCaret('start', 'end') });
    expect(JSON.stringify([...watcher.awareness.getStates().values()])).not.toMatch(/Impostor|Ministry of Truth/);
    expect(JSON.stringify([...honest.awareness.getStates().values()])).not.toMatch(/Impostor|Ministry of Truth/);
  });

  it('a late joiner sees present people under their authenticated names, also those who sent none', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const ingrid = await signIn(server(), 'Ingrid Løvås');
    const letterId = await createLetter(server(), helena);
    const earlier = watchPresence(server(), helena, letterId);
    const present = connectClient(server(), ingrid, letterId);
    present.awareness.setLocalStateField('cursor', bodyCaret('start', 'end'));
    // Presence travels separately from the text: wait until the server holds it.
    await expect.poll(() => earlier.presenceOf(present.doc.clientID)).toBeDefined();

    const joiner = watchPresence(server(), helena, letterId);

    await expect.poll(() => joiner.presenceOf(present.doc.clientID)).toMatchObject({ cursor: bodyCaret('start', 'end'), user: { name: 'Ingrid Løvås' } });
  });

  it('two stock y-websocket clients each see the other, and neither is disconnected for relaying presence', async () => {
    const mette = await signIn(server(), 'Mette Sørensen');
    const erik = await signIn(server(), 'Erik Åkesson');
    const letterId = await createLetter(server(), mette);
    const first = connectClient(server(), mette, letterId);
    first.awareness.setLocalStateField('user', { name: mette.user.name, color: '#123456' });
    await first.whenSynced();
    const second = connectClient(server(), erik, letterId);
    second.awareness.setLocalStateField('user', { name: erik.user.name, color: '#654321' });
    await second.whenSynced();

    await expect.poll(() => first.awareness.getStates().get(second.doc.clientID)).toMatchObject({ user: { name: 'Erik Åkesson' } });
    await expect.poll(() => second.awareness.getStates().get(first.doc.clientID)).toMatchObject({ user: { name: 'Mette Sørensen' } });
    // Both still edit on the connection they opened.
    appendParagraph(first.doc, 'Still connected.');
    await first.whenSaved();
    await expect.poll(() => second.text).toContain('Still connected.');
    expect(first.closeCodes).toEqual([]);
    expect(second.closeCodes).toEqual([]);
  });

  it('after a reconnect, the presence of the same document is shown again and follows its changes', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const kadri = await signIn(server(), 'Kadri Tamm');
    const letterId = await createLetter(server(), helena);
    const watcher = watchPresence(server(), helena, letterId);
    const returning = connectClient(server(), kadri, letterId);
    returning.awareness.setLocalStateField('cursor', bodyCaret('start', 'start'));
    await returning.whenSynced();
    await expect.poll(() => watcher.presenceOf(returning.doc.clientID)).toMatchObject({ cursor: bodyCaret('start', 'start') });

    returning.disconnect();
    await expect.poll(() => watcher.presenceOf(returning.doc.clientID)).toBeUndefined();
    returning.connect();
    await returning.whenSynced();
    returning.awareness.setLocalStateField('cursor', bodyCaret('end', 'end'));

    await expect.poll(() => watcher.presenceOf(returning.doc.clientID)).toMatchObject({ cursor: bodyCaret('end', 'end'), user: { name: 'Kadri Tamm' } });
    expect(returning.closeCodes).toEqual([]);
  });

  it('a client whose network dropped is let back in with its presence, while the server still holds the old socket', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const aino = await signIn(server(), 'Aino Mäkelä');
    const letterId = await createLetter(server(), helena);
    const proxy = await startProxy(server());
    const watcher = watchPresence(server(), helena, letterId);
    const traveller = connectClient(server(), aino, letterId, { syncUrl: proxy.syncUrl });
    traveller.awareness.setLocalStateField('user', { name: aino.user.name });
    await traveller.whenSynced();
    await expect.poll(() => watcher.presenceOf(traveller.doc.clientID)).toMatchObject({ user: { name: 'Aino Mäkelä' } });

    proxy.dropClientSides();
    // y-websocket reconnects by itself with the same document, hence the same presence id.
    await expect.poll(() => traveller.isSynced).toBe(false);
    await traveller.whenSynced();
    traveller.awareness.setLocalStateField('cursor', bodyCaret('start', 'end'));
    appendParagraph(traveller.doc, 'Back online.');
    await traveller.whenSaved();

    // 1006 is the dropped network itself; nothing after it.
    expect(traveller.closeCodes).toEqual([1006]);
    await expect.poll(() => watcher.presenceOf(traveller.doc.clientID)).toMatchObject({ cursor: bodyCaret('start', 'end'), user: { name: 'Aino Mäkelä' } });
  });
});
