import net from 'node:net';
import { onTestFinished } from 'vitest';
import type { ServerProcess } from './server-process.js';

export const Balancing = {
  /** Each new connection to the next instance in turn. */
  roundRobin: 'round-robin',
  /** Every new connection to the first instance that is up: a standby takes over when it dies. */
  firstAvailable: 'first-available',
} as const;
export type Balancing = (typeof Balancing)[keyof typeof Balancing];

/**
 * A TCP load balancer without sticky sessions, skipping instances that are down or refuse the
 * connection, as a health-checking balancer would.
 */
export class LoadBalancer {
  private next = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly listener: net.Server,
    readonly port: number,
  ) {}

  static async start(instances: readonly ServerProcess[], balancing: Balancing): Promise<LoadBalancer> {
    let balancer: LoadBalancer | null = null;
    const listener = net.createServer((client) => {
      if (!balancer) return client.destroy();
      if (balancing === Balancing.firstAvailable) balancer.next = 0;
      balancer.route(client, instances, instances.length);
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    balancer = new LoadBalancer(listener, (listener.address() as net.AddressInfo).port);
    return balancer;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  private route(client: net.Socket, instances: readonly ServerProcess[], triesLeft: number): void {
    client.pause();
    client.on('error', () => {});
    const instance = instances[this.next++ % instances.length]!;
    const port = instance.isRunning ? instance.port : null;
    if (port === null) return this.retry(client, instances, triesLeft);
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('error', () => {
      if (!connected) this.retry(client, instances, triesLeft);
    });
    upstream.once('connect', () => {
      connected = true;
      upstream.on('error', () => client.destroy());
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.resume();
    });
  }

  private retry(client: net.Socket, instances: readonly ServerProcess[], triesLeft: number): void {
    if (triesLeft <= 1) client.destroy();
    else this.route(client, instances, triesLeft - 1);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }
}

/** A balancer in front of `instances` for the current test; closed when the test ends. */
export async function startLoadBalancer(instances: readonly ServerProcess[], balancing: Balancing = Balancing.roundRobin): Promise<LoadBalancer> {
  const balancer = await LoadBalancer.start(instances, balancing);
  onTestFinished(() => balancer.close());
  return balancer;
}
