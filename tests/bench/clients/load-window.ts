import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { RunningServer } from '../servers/launch-server.js';

/** What the server and this client process did during a measurement window. */
export interface WindowUsage {
  seconds: number;
  serverCpuMs: number;
  /** Server RSS at the end of the window. */
  serverRssBytes: number;
  /** Client event-loop delay: when it grows, the client, not the server, sets the latency. */
  clientLagP99Ms: number;
  clientLagMaxMs: number;
  /** CPU of this client process over the window, in percent of one core. */
  clientCpuPercent: number;
}

/** Measures server CPU and memory and the client's own load from now until `end()`. */
export function openWindow(server: RunningServer): { end(): WindowUsage } {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const startServer = server.usage();
  const startClient = process.cpuUsage();
  const startTime = performance.now();
  return {
    end() {
      const endServer = server.usage();
      const client = process.cpuUsage(startClient);
      const elapsedMs = performance.now() - startTime;
      lag.disable();
      return {
        seconds: elapsedMs / 1000,
        serverCpuMs: endServer.cpuMs - startServer.cpuMs,
        serverRssBytes: endServer.rssBytes,
        clientLagP99Ms: lag.percentile(99) / 1e6,
        clientLagMaxMs: lag.max / 1e6,
        clientCpuPercent: ((client.user + client.system) / 1000 / elapsedMs) * 100,
      };
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
