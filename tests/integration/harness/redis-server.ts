import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { ownedPrefix } from '../../temp-folders.mjs';
import { findFreePort } from './free-port.js';
import { HelperProcess } from './helper-process.js';

/** A throwaway Redis on a loopback port, in memory only; it can be restarted on the same port. */
export class RedisServer {
  private process: HelperProcess | null = null;

  /** `folder` holds its process id file, so that a run killed before it could stop Redis is cleaned up by the next. */
  private constructor(
    readonly port: number,
    private readonly folder: string,
  ) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await findFreePort(), await mkdtemp(ownedPrefix('redis')));
    try {
      await server.start();
    } catch (error) {
      await rm(server.folder, { recursive: true, force: true });
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process) throw new Error('Redis is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', this.folder, '--pidfile', path.join(this.folder, 'redis.pid')];
    try {
      this.process = await HelperProcess.start('redis-server', args, 'Ready to accept connections');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') {
        throw new Error('Redis is not installed: apt-get install -y --no-install-recommends redis-server');
      }
      throw error;
    }
  }

  /** Stops Redis; it can be started again on the same port. */
  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM');
    this.process = null;
  }

  /** Stops Redis for good and removes its folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.folder, { recursive: true, force: true });
  }
}
