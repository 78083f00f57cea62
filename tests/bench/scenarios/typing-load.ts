import { bodyOf, newParagraph } from '../../integration/harness/letter-body.js';
import { benchLetters, paragraphText } from '../servers/bench-letter.js';
import { connectClient, connectMany, type BenchClient } from '../clients/bench-client.js';
import { KeystrokeLatency } from '../clients/keystroke-latency.js';
import { openWindow, sleep, type WindowUsage } from '../clients/load-window.js';
import type { ServerKind } from '../servers/server-kind.js';
import { withServer } from '../servers/server-run.js';
import { summarizeLatency, type LatencySummary } from '../stats.js';

export interface TypingLoadOptions {
  letters: number;
  /** Clients per letter that type (and read the others). */
  writersPerLetter: number;
  /** Clients per letter that only read. */
  readersPerLetter: number;
  /** Each writer types one character this often. */
  intervalMs: number;
  warmupSeconds: number;
  seconds: number;
  /** A noisy neighbour: one more letter, whose one client pastes text at this rate throughout. */
  flood?: FloodRate;
}

/** Frames a second, and bytes a second spread over them. */
export interface FloodRate {
  framesPerSecond: number;
  bytesPerSecond: number;
}

export interface TypingLoadResult {
  latencyMs: LatencySummary;
  /** Keystrokes typed while counted. */
  typed: number;
  /** Keystrokes that reached a reader while counted. */
  delivered: number;
  /** Deliveries expected from the keystrokes counted but not seen within the drain time. */
  missing: number;
  /** Server CPU per delivered message, in microseconds. */
  cpuPerDeliveryUs: number;
  usage: WindowUsage;
  /** Flood frames sent while counted (0 without a flood). */
  floodFrames: number;
}

const paragraphs = 10;
const paragraphCharacters = 200;
/** Time after the window for deliveries still on their way. */
const drainMs = 2000;
/** The flood is sent in small bursts, since timers are not exact below a few milliseconds. */
const floodBurstsPerSecond = 20;

/**
 * Pastes a new paragraph per frame into the flood letter at `rate` until stopped: the same frames
 * for every server. Returns a function that stops it and says how many were sent while `counting()`.
 */
function startFlood(flooder: BenchClient, rate: FloodRate, counting: () => boolean): () => number {
  const body = bodyOf(flooder.doc);
  // Each frame's bytes are mostly its text: a paste as large as the byte rate allows at that frame rate.
  const pasted = 'x'.repeat(Math.max(1, Math.floor(rate.bytesPerSecond / rate.framesPerSecond) - 64));
  const perBurst = Math.max(1, Math.round(rate.framesPerSecond / floodBurstsPerSecond));
  let sent = 0;
  let counted = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < perBurst; i++) body.insert(body.length, [newParagraph(pasted, `f${sent++}`)]);
    if (counting()) counted += perBurst;
  }, 1000 / floodBurstsPerSecond);
  return () => {
    clearInterval(timer);
    return counted;
  };
}

/**
 * Letters with writers typing at a fixed rate and readers following. Latency is measured from each
 * keystroke to every other client of the letter; server CPU and memory over the counted window.
 */
export async function runTypingLoad(kind: ServerKind, options: TypingLoadOptions): Promise<TypingLoadResult> {
  const letters = benchLetters(options.letters, paragraphs, paragraphCharacters);
  const floodLetter = options.flood ? benchLetters(1, 1, paragraphCharacters)[0]! : null;
  const perLetter = options.writersPerLetter + options.readersPerLetter;
  const people = Math.max(1, perLetter) + (floodLetter ? 1 : 0);
  return withServer(kind, { letters: floodLetter ? [...letters, floodLetter] : letters, people }, async ({ server, servers, cookies }) => {
    // Seat n of every letter signs in as person n: a person may have many letters open. With several
    // instances, consecutive clients go to the next instance: each letter's writers and readers are
    // spread over all of them, and fan-out's one writer has its readers on every instance.
    const clients = await connectMany(letters.length * perLetter, (index) =>
      connectClient(servers[index % servers.length]!, letters[Math.floor(index / perLetter)]!.id, cookies[index % perLetter]),
    );
    // The noisy neighbour is a person of their own, so that only their own budget applies to them.
    const flooder = floodLetter ? connectClient(server, floodLetter.id, cookies[people - 1]) : null;
    if (flooder) await flooder.synced;
    let counting = false;
    const stopFlood = flooder && options.flood ? startFlood(flooder, options.flood, () => counting) : () => 0;

    const latency = new KeystrokeLatency();
    const timers: NodeJS.Timeout[] = [];
    for (let l = 0; l < letters.length; l++) {
      const seats = clients.slice(l * perLetter, (l + 1) * perLetter);
      const writers = seats.slice(0, options.writersPerLetter);
      const writerIds = writers.map((writer) => writer.doc.clientID);
      for (const seat of seats) latency.watch(seat.doc, () => writerIds);
      writers.forEach((writer, w) => {
        const text = paragraphText(writer.doc, w % paragraphs);
        const keystroke = () => latency.type(writer.doc, () => text.insert(text.length, 'x'));
        // Writers start out of step, as people do.
        const start = setTimeout(() => timers.push(setInterval(keystroke, options.intervalMs)), Math.random() * options.intervalMs);
        timers.push(start);
      });
    }

    await sleep(options.warmupSeconds * 1000);
    latency.startCounting();
    counting = true;
    const window = openWindow(servers);
    await sleep(options.seconds * 1000);
    latency.stopCounting();
    counting = false;
    const usage = window.end();
    for (const timer of timers) clearInterval(timer);
    const floodFrames = stopFlood();
    await sleep(drainMs);
    for (const client of clients) client.destroy();
    flooder?.destroy();

    const delivered = latency.samples.length;
    const expected = latency.typedInWindow * (perLetter - 1);
    return {
      latencyMs: summarizeLatency(latency.samples),
      typed: latency.typedInWindow,
      delivered,
      missing: Math.max(0, expected - delivered),
      cpuPerDeliveryUs: delivered === 0 ? Number.NaN : (usage.serverCpuMs * 1000) / delivered,
      usage,
      floodFrames,
    };
  });
}
