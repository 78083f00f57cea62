import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SeededRandom } from '../../integration/harness/seeded-random.js';
import { withTimeout } from '../../integration/harness/wait-for.js';
import { connectClient } from '../clients/bench-client.js';
import { sleep, watchClientLag } from '../clients/load-window.js';
import { letterDoc, paragraphText, type BenchLetter } from '../servers/bench-letter.js';
import type { ServerKind } from '../servers/server-kind.js';
import { withServer } from '../servers/server-run.js';
import { median } from '../stats.js';

export interface ColdJoinOptions {
  /** Prior edits of the letter, one character each; a quarter of them deletions. */
  edits: number;
  /** Joins counted per server start, each to a letter that is not loaded; one more runs first to warm the process up. */
  joins: number;
}

export interface ColdJoinResult {
  /** Median time from opening the socket until the last frame of the full state arrived. */
  receivedMs: number;
  /** Median time until the client had applied it too (client work, the same for every server). */
  syncMs: number;
  /** Median bytes the server sent until then. */
  bytes: number;
  joinsMs: number[];
  /** Size of the stored state. */
  storedBytes: number;
  /** The client process' event-loop delay over the joins, p99 and max. */
  clientLagP99Ms: number;
  clientLagMaxMs: number;
}

const paragraphs = 20;
/** Long enough for every server to have unloaded a letter whose last client left. */
const unloadWaitMs = 500;
const syncTimeoutMs = 60_000;

/** A letter after `edits` single-character edits at random places, a quarter of them deletions. */
export function editedLetter(edits: number, seed = 8): BenchLetter {
  const random = new SeededRandom(seed);
  const doc = letterDoc(paragraphs, 40);
  const texts = Array.from({ length: paragraphs }, (_, i) => paragraphText(doc, i));
  for (let i = 0; i < edits; i++) {
    const text = random.pick(texts);
    if (random.chance(0.25) && text.length > 1) text.delete(random.int(text.length), 1);
    else text.insert(random.int(text.length + 1), String.fromCharCode(97 + random.int(26)));
  }
  return { id: randomUUID(), state: Y.encodeStateAsUpdate(doc) };
}

/** A new client joins a stored letter that no one has open: time and bytes until it is synced. */
export async function runColdJoin(kind: ServerKind, letter: BenchLetter, options: ColdJoinOptions): Promise<ColdJoinResult> {
  // Jointly keeps an empty letter loaded for a grace period; here it should unload at once, as the others do.
  return withServer(kind, { letters: [letter], people: 1, jointlyEnv: { ROOM_GRACE_MS: '0' } }, async ({ server, cookies }) => {
    const joinsMs: number[] = [];
    const receivedMs: number[] = [];
    const bytes: number[] = [];
    let lag: ReturnType<typeof watchClientLag> | null = null;
    for (let j = -1; j < options.joins; j++) {
      if (j === 0) lag = watchClientLag();
      const start = performance.now();
      const client = connectClient(server, letter.id, cookies[0]);
      const receivedAt = await withTimeout(client.synced, syncTimeoutMs, `${kind} to sync a letter of ${options.edits} edits`);
      const synced = performance.now();
      client.destroy();
      await sleep(unloadWaitMs);
      if (j < 0) continue;
      joinsMs.push(synced - start);
      receivedMs.push(receivedAt - start);
      bytes.push(client.bytesReceived);
    }
    const clientLag = lag?.end() ?? { p99Ms: Number.NaN, maxMs: Number.NaN };
    return {
      receivedMs: median(receivedMs),
      syncMs: median(joinsMs),
      bytes: median(bytes),
      joinsMs,
      storedBytes: letter.state.length,
      clientLagP99Ms: clientLag.p99Ms,
      clientLagMaxMs: clientLag.maxMs,
    };
  });
}
