import { afterAll, beforeAll } from 'vitest';
import { findFreePort } from './free-port.js';
import { HelperProcess } from './helper-process.js';

/** A throwaway Redis on a loopback port, in memory only; it can be restarted on the same port. */
export class RedisServer {
  private process: HelperProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await findFreePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process) throw new Error('Redis is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    try {
      this.process = await HelperProcess.start('redis-server', args, 'Ready to accept connections');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') {
        throw new Error('Redis is not installed: apt-get install -y --no-install-recommends redis-server');
      }
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM');
    this.process = null;
  }
}

/** One Redis for the tests of a file; the returned function gives it. */
export function useRedis(): () => RedisServer {
  let server: RedisServer | null = null;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('Redis has not started');
    return server;
  };
}
