import * as Y from 'yjs';
import type { SyncClient } from './sync-client.js';
import { withTimeout, yieldToEventLoop } from './wait-for.js';

const tokensPerTick = 5;

/**
 * Server settings for a test that runs a burst: it types far faster than a person (so that the
 * server goes down with updates in flight) and would otherwise be slowed by the update budgets,
 * which have tests of their own (sync-budgets.test.ts).
 */
export const burstServerEnv: Record<string, string> = {
  SYNC_FRAMES_PER_SECOND: '1000000',
  SYNC_BYTES_PER_SECOND: '1000000000',
  SYNC_PERSON_FRAMES_PER_SECOND: '1000000',
  SYNC_PERSON_BYTES_PER_SECOND: '1000000000',
};

/**
 * A client typing many small updates as fast as the event loop lets it, each token one update,
 * while it tracks which tokens the server has confirmed as committed (`saved` names the
 * highest of the socket's update frames committed).
 */
export class WriteBurst {
  /** Each token, with the writer's clock once it is in the document and the frame that sent it on which socket. */
  readonly written: { token: string; clock: number; frame: number; socket: unknown }[] = [];
  confirmedStateVector = new Map<number, number>();
  confirmedTokens = 0;
  private writing = true;
  private readonly done: Promise<void>;
  private readonly targets: { count: number; reached: () => void }[] = [];
  private wakeWriter: (() => void) | null = null;

  /**
   * `maxInFlight`: at most this many tokens written but not yet confirmed; the writer waits for the
   * next `saved` beyond that, as a person waits for a slow server. Without it the writer never waits.
   */
  constructor(
    private readonly writer: SyncClient,
    text: Y.XmlText,
    options: { maxInFlight?: number } = {},
  ) {
    writer.onSaved((frame) => {
      const isCovered = (entry: (typeof this.written)[number]) => entry.frame > 0 && entry.socket === writer.provider.ws && entry.frame <= frame;
      while (this.confirmedTokens < this.written.length && isCovered(this.written[this.confirmedTokens]!)) this.confirmedTokens++;
      // A token sent on a socket that closed before it was confirmed goes again in the next
      // connection's sync answer: the tab knows it is stored once everything it has is confirmed.
      if (writer.confirmations.isAllConfirmed) this.confirmedTokens = this.written.length;
      const last = this.written[this.confirmedTokens - 1];
      if (last) this.confirmedStateVector = new Map([[writer.doc.clientID, last.clock]]);
      for (const target of this.targets) if (this.confirmedTokens >= target.count) target.reached();
      this.wake();
    });
    this.done = (async () => {
      for (let i = 0; this.writing; i++) {
        for (let k = 0; k < tokensPerTick; k++) {
          const token = `w${i * tokensPerTick + k} `;
          text.insert(text.length, token);
          const clock = Y.getState(writer.doc.store, writer.doc.clientID);
          this.written.push({ token, clock, frame: writer.confirmations.sentFrames, socket: writer.provider.ws });
        }
        await yieldToEventLoop();
        const { maxInFlight } = options;
        while (maxInFlight !== undefined && this.writing && this.written.length - this.confirmedTokens >= maxInFlight) {
          await new Promise<void>((resolve) => (this.wakeWriter = resolve));
        }
      }
    })();
  }

  /** Resolves once the server has confirmed `count` tokens. */
  confirmed(count: number, timeoutMs = 15_000): Promise<void> {
    const reached = new Promise<void>((resolve) => {
      if (this.confirmedTokens >= count) resolve();
      else this.targets.push({ count, reached: resolve });
    });
    return withTimeout(reached, timeoutMs, `${count} confirmed tokens`);
  }

  async stop(): Promise<void> {
    this.writing = false;
    this.wake();
    await this.done;
  }

  private wake(): void {
    const wake = this.wakeWriter;
    this.wakeWriter = null;
    wake?.();
  }

  get writtenText(): string {
    return this.written.map(({ token }) => token).join('');
  }

  get confirmedText(): string {
    return this.written
      .slice(0, this.confirmedTokens)
      .map(({ token }) => token)
      .join('');
  }
}

/** Resolves when the client's current socket has been closed by the other side. */
export function whenConnectionLost(client: SyncClient): Promise<void> {
  const closes = client.closeCodes.length;
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = () => {
        if (client.closeCodes.length === closes) return;
        client.provider.off('connection-close', check);
        resolve();
      };
      client.provider.on('connection-close', check);
    }),
    10_000,
    'the connection to drop',
  );
}
