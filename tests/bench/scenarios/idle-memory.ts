import { connectClient, connectMany } from '../clients/bench-client.js';
import { sleep, watchClientLag } from '../clients/load-window.js';
import { benchLetters } from '../servers/bench-letter.js';
import type { ServerKind } from '../servers/server-kind.js';
import { withServer } from '../servers/server-run.js';

export interface IdleMemoryOptions {
  letters: number;
  paragraphs: number;
}

export interface IdleMemoryResult {
  baseRssBytes: number;
  loadedRssBytes: number;
  /** (loaded − base) / letters: what one open but idle letter costs the server, its socket included. */
  bytesPerLetter: number;
  /** How long connecting every letter took (idle clients must stay within y-websocket's 30 s silence limit). */
  connectSeconds: number;
  /** The client process' event-loop delay from the first connection until memory was read. */
  clientLagP99Ms: number;
}

const paragraphCharacters = 300;
/** Time for the server to settle (buffers, pending writes) before memory is read. */
const settleMs = 2000;

/** One idle client on each of many letters, so that each letter is loaded: server memory per letter. */
export async function runIdleMemory(kind: ServerKind, options: IdleMemoryOptions): Promise<IdleMemoryResult> {
  const letters = benchLetters(options.letters, options.paragraphs, paragraphCharacters);
  return withServer(kind, { letters, people: 1 }, async ({ server, cookies }) => {
    await sleep(settleMs);
    const base = server.usage().rssBytes;
    const started = Date.now();
    const lag = watchClientLag();
    const clients = await connectMany(letters.length, (index) => connectClient(server, letters[index]!.id, cookies[0]));
    const connectSeconds = (Date.now() - started) / 1000;
    await sleep(settleMs);
    const loaded = server.usage().rssBytes;
    const clientLag = lag.end();
    for (const client of clients) client.destroy();
    return { baseRssBytes: base, loadedRssBytes: loaded, bytesPerLetter: (loaded - base) / letters.length, connectSeconds, clientLagP99Ms: clientLag.p99Ms };
  });
}
