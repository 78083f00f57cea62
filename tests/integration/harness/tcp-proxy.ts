import net from 'node:net';
import { onTestFinished } from 'vitest';
import type { ServerProcess } from './server-process.js';

/**
 * A TCP relay between clients and the server that can cut the network the way a dropped Wi-Fi
 * does: the client's side breaks at once, the server's side stays open and silent, so the server
 * still believes the old connection is alive.
 */
export class TcpProxy {
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  /** Server-side sockets of dropped connections, kept open until the proxy closes. */
  private readonly orphans: net.Socket[] = [];

  private constructor(
    private readonly listener: net.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const listener = net.createServer((client) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      const pair = { client, upstream };
      proxy?.pairs.add(pair);
      client.on('error', () => {});
      upstream.on('error', () => {});
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => proxy?.pairs.delete(pair));
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(listener, (listener.address() as net.AddressInfo).port);
    return proxy;
  }

  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  /** Breaks every current connection on the client's side only; the server notices nothing. */
  dropClientSides(): void {
    for (const pair of this.pairs) {
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      // Whatever the server still sends goes nowhere, as on a dead network.
      pair.upstream.resume();
      pair.client.destroy();
      this.orphans.push(pair.upstream);
    }
    this.pairs.clear();
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    for (const upstream of this.orphans) upstream.destroy();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }
}

/** A proxy in front of `server` for the current test; closed when the test ends. */
export async function startProxy(server: ServerProcess): Promise<TcpProxy> {
  const proxy = await TcpProxy.start(server.port);
  onTestFinished(() => proxy.close());
  return proxy;
}
