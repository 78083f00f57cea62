import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveState } from '../../client/sync/save-state.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { generationParameter } from '../../shared/protocol/text-generation-message.js';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readTextGenerationMessage } from '../../shared/protocol/text-generation-message.js';
import { findFreePort } from './harness/free-port.js';
import { closeOf, openRawSocket, syncStep2Frame, whenReceived } from './harness/raw-socket.js';
import { appendParagraph, bodyXml, newParagraph, bodyOf } from './harness/letter-body.js';
import { openLetterTab, whenSaveState, whenSynced } from './harness/letter-tab.js';
import { runOperatorCommand } from './harness/operator-command.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';

const databaseName = 'jointly.sqlite';

/** Copies the SQLite database and its journal files from one folder to another, replacing what was there. */
async function copyDatabase(from: string, to: string): Promise<void> {
  for (const name of await readdir(to)) if (name.startsWith(databaseName)) await rm(path.join(to, name));
  for (const name of await readdir(from)) if (name.startsWith(databaseName)) await copyFile(path.join(from, name), path.join(to, name));
}

/** Runs `npm run mark-restore` as an operator would, on the server's data folder. */
function runMarkRestore(server: ServerProcess): Promise<{ code: number | null; output: string }> {
  return runOperatorCommand('mark-restore', { DATA_DIR: server.dataDir });
}

/** The letter's text as the stopped server's store holds it. */
async function storedXml(server: ServerProcess, letterId: string): Promise<string> {
  const store = await server.openStore();
  try {
    const text = await store.text.loadText(letterId);
    const doc = new Y.Doc();
    if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(doc, update);
    return bodyXml(doc);
  } finally {
    await store.close();
  }
}

describe('restore from a backup', () => {
  it('a tab holding text from before the restore is refused with 4409 and nothing of it is merged; a fresh tab opens the restored letter', async () => {
    // A fixed port: the tab reconnects to the same address after each restart.
    const server = await startServer({ env: { PORT: String(await findFreePort()) } });
    const backupDir = path.join(server.dataDir, 'backup');
    await mkdir(backupDir);
    const helena = await signIn(server, 'Helena Virtanen');
    const mette = await signIn(server, 'Mette Sørensen');
    const letterId = await createLetter(server, helena);

    const tab = openLetterTab(server, helena, letterId);
    await whenSynced(tab);
    appendParagraph(tab.doc, 'Agreed before the backup.');
    await whenSaveState(tab, SaveState.saved);

    // The operator takes a backup with the server stopped; the tab keeps editing once it is back.
    await server.stop();
    await whenSaveState(tab, SaveState.offline);
    await copyDatabase(server.dataDir, backupDir);
    await server.start();
    appendParagraph(tab.doc, 'Written after the backup.');
    await whenSaveState(tab, SaveState.saved);

    // The database is restored from the backup and the restore is marked; meanwhile the tab edits on.
    await server.stop();
    await whenSaveState(tab, SaveState.offline);
    appendParagraph(tab.doc, 'Written while the server was down.');
    await copyDatabase(backupDir, server.dataDir);
    const marked = await runMarkRestore(server);
    expect(marked.output).toContain('Marked');
    expect(marked.code).toBe(0);
    await server.start();

    await whenSaveState(tab, SaveState.disconnected);
    expect(tab.closeCode).toBe(CloseCode.letterRestored);
    expect(tab.isFromBeforeRestore).toBe(true);
    // The tab still holds its own text, to be downloaded.
    expect(bodyXml(tab.doc)).toContain('Written while the server was down.');

    const fresh = openLetterTab(server, mette, letterId);
    await whenSynced(fresh);
    expect(fresh.closeCode).toBeNull();
    expect(fresh.provider.params[generationParameter]).toBeDefined();
    expect(fresh.provider.params[generationParameter]).not.toBe(tab.provider.params[generationParameter]);
    expect(bodyXml(fresh.doc)).toContain('Agreed before the backup.');
    expect(bodyXml(fresh.doc)).not.toContain('Written after the backup.');

    await server.stop();
    const stored = await storedXml(server, letterId);
    expect(stored).toContain('Agreed before the backup.');
    expect(stored).not.toContain('Written after the backup.');
    expect(stored).not.toContain('Written while the server was down.');
  });

  it('a connection naming another generation is closed with 4409 before anything is sent, and what it sent at once is not merged; the current one is admitted', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, helena);

    const current = openRawSocket(server, `${letterId}?${generationParameter}=original`, { cookie: helena.cookie });
    const [first] = await whenReceived(current, 1);
    const decoder = decoding.createDecoder(first!);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.textGeneration);
    expect(readTextGenerationMessage(decoder)).toBe('original');

    const stale = openRawSocket(server, `${letterId}?${generationParameter}=from-another-backup`, { cookie: helena.cookie });
    await stale.opened;
    const doc = new Y.Doc();
    bodyOf(doc).insert(0, [newParagraph('Text of another generation.')]);
    stale.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(doc)));
    expect((await closeOf(stale)).code).toBe(CloseCode.letterRestored);
    expect(stale.received).toEqual([]);

    current.socket.close();
    await server.stop();
    expect(await storedXml(server, letterId)).not.toContain('Text of another generation.');
  });
});
