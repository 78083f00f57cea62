import { benchLetters, paragraphText } from '../servers/bench-letter.js';
import { connectClient, connectMany } from '../clients/bench-client.js';
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
}

const paragraphs = 10;
const paragraphCharacters = 200;
/** Time after the window for deliveries still on their way. */
const drainMs = 2000;

/**
 * Letters with writers typing at a fixed rate and readers following. Latency is measured from each
 * keystroke to every other client of the letter; server CPU and memory over the counted window.
 */
export async function runTypingLoad(kind: ServerKind, options: TypingLoadOptions): Promise<TypingLoadResult> {
  const letters = benchLetters(options.letters, paragraphs, paragraphCharacters);
  const perLetter = options.writersPerLetter + options.readersPerLetter;
  return withServer(kind, { letters, people: Math.max(1, perLetter) }, async ({ server, cookies }) => {
    // Seat n of every letter signs in as person n: a person may have many letters open.
    const clients = await connectMany(letters.length * perLetter, (index) =>
      connectClient(server, letters[Math.floor(index / perLetter)]!.id, cookies[index % perLetter]),
    );

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
    const window = openWindow(server);
    await sleep(options.seconds * 1000);
    latency.stopCounting();
    const usage = window.end();
    for (const timer of timers) clearInterval(timer);
    await sleep(drainMs);
    for (const client of clients) client.destroy();

    const delivered = latency.samples.length;
    const expected = latency.typedInWindow * (perLetter - 1);
    return {
      latencyMs: summarizeLatency(latency.samples),
      typed: latency.typedInWindow,
      delivered,
      missing: Math.max(0, expected - delivered),
      cpuPerDeliveryUs: delivered === 0 ? Number.NaN : (usage.serverCpuMs * 1000) / delivered,
      usage,
    };
  });
}
