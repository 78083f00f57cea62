import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';

/**
 * Latency from a writer's keystroke to each reader having it. Every keystroke adds one character,
 * so one clock of the writer's Yjs client; a reader has keystroke n once its state vector reaches
 * n + 1 for that client. Writers and readers live in one process and share its clock.
 */
export class KeystrokeLatency {
  /** Per writer client id: when each of its clocks was typed. */
  private readonly typedAt = new Map<number, number[]>();
  /** Keystrokes typed before this moment are warm-up and not counted. */
  private countFrom = Number.POSITIVE_INFINITY;
  private countUntil = Number.POSITIVE_INFINITY;
  readonly samples: number[] = [];
  typedInWindow = 0;

  /** Counts keystrokes typed from now until `stopCounting`. */
  startCounting(): void {
    this.countFrom = performance.now();
    this.countUntil = Number.POSITIVE_INFINITY;
  }

  stopCounting(): void {
    this.countUntil = performance.now();
  }

  /** Runs one keystroke of `doc` and notes the clocks it produced. */
  type(doc: Y.Doc, edit: () => void): void {
    const client = doc.clientID;
    const before = Y.getState(doc.store, client);
    edit();
    const after = Y.getState(doc.store, client);
    const now = performance.now();
    let times = this.typedAt.get(client);
    if (!times) this.typedAt.set(client, (times = []));
    for (let clock = before; clock < after; clock++) times[clock] = now;
    if (now >= this.countFrom && now < this.countUntil) this.typedInWindow++;
  }

  /** Records, for each update `reader` receives, the latency of every keystroke of `writers` it completes. */
  watch(reader: Y.Doc, writers: () => readonly number[]): void {
    const seen = new Map<number, number>();
    reader.on('update', () => {
      const now = performance.now();
      for (const writer of writers()) {
        // A writer's own keystrokes reach its own document at once: they are no delivery.
        if (writer === reader.clientID) continue;
        const times = this.typedAt.get(writer);
        if (!times) continue;
        const reached = Y.getState(reader.store, writer);
        for (let clock = seen.get(writer) ?? 0; clock < reached; clock++) {
          const typed = times[clock];
          if (typed !== undefined && typed >= this.countFrom && typed < this.countUntil) this.samples.push(now - typed);
        }
        seen.set(writer, reached);
      }
    });
  }
}
