import { describe, expect, it } from 'vitest';
import { appendParagraph } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

describe('INV-1 edits made offline', () => {
  const server = useSharedServer();

  it('are saved once the client reconnects', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const paweł = await signIn(server(), 'Paweł Wiśniewski');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), paweł, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Written online.');
    await writer.whenSaved();

    writer.disconnect();
    appendParagraph(writer.doc, 'Written offline.');
    writer.connect();
    await writer.whenSynced();
    await writer.whenSaved();

    const reader = await joinLetter(server(), helena, letterId);
    expect(reader.text).toBe('Written online.\nWritten offline.');
  });

  it('are saved when the person keeps typing while the client reconnects', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const rūta = await signIn(server(), 'Rūta Kazlauskienė');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), rūta, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Written online.');
    await writer.whenSaved();
    writer.disconnect();
    appendParagraph(writer.doc, 'Written offline.');

    // y-websocket sends a local change as soon as the socket is open, without waiting for the
    // sync handshake that carries the offline paragraph: this one reaches the server first.
    writer.provider.on('status', ({ status }) => {
      if (status === 'connected') appendParagraph(writer.doc, 'Typed while reconnecting.');
    });
    writer.connect();
    await writer.whenSynced();
    await writer.whenSaved();

    expect(writer.closeCodes).toEqual([]);
    const reader = await joinLetter(server(), helena, letterId);
    expect(reader.text).toBe('Written online.\nWritten offline.\nTyped while reconnecting.');
  });
});
