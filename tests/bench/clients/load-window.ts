import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { RunningServer } from '../servers/launch-server.js';

/** What the server (summed over its processes) and this client process did during a measurement window. */
export interface WindowUsage {
  seconds: number;
  serverCpuMs: number;
  /** Server RSS at the end of the window (summed over its processes). */
  serverRssBytes: number;
  /** Client event-loop delay: when it grows, the client, not the server, sets the latency. */
  clientLagP99Ms: number;
  clientLagMaxMs: number;
  /** CPU of this client process over the window, in percent of one core. */
  clientCpuPercent: number;
}

/** CPU and RSS of several processes (the instances of one deployment), added up. */
function summedUsage(servers: readonly RunningServer[]): { cpuMs: number; rssBytes: number } {
  return servers
    .map((server) => server.usage())
    .reduce((sum, usage) => ({ cpuMs: sum.cpuMs + usage.cpuMs, rssBytes: sum.rssBytes + usage.rssBytes }), { cpuMs: 0, rssBytes: 0 });
}

/** The client process' event-loop delay from now until `end()`. */
export function watchClientLag(): { end(): { p99Ms: number; maxMs: number } } {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  return {
    end() {
      lag.disable();
      return { p99Ms: lag.percentile(99) / 1e6, maxMs: lag.max / 1e6 };
    },
  };
}

/** Measures server CPU and memory (summed over `servers`) and the client's own load from now until `end()`. */
export function openWindow(servers: readonly RunningServer[]): { end(): WindowUsage } {
  const lag = watchClientLag();
  const startServer = summedUsage(servers);
  const startClient = process.cpuUsage();
  const startTime = performance.now();
  return {
    end() {
      const endServer = summedUsage(servers);
      const client = process.cpuUsage(startClient);
      const elapsedMs = performance.now() - startTime;
      const clientLag = lag.end();
      return {
        seconds: elapsedMs / 1000,
        serverCpuMs: endServer.cpuMs - startServer.cpuMs,
        serverRssBytes: endServer.rssBytes,
        clientLagP99Ms: clientLag.p99Ms,
        clientLagMaxMs: clientLag.maxMs,
        clientCpuPercent: ((client.user + client.system) / 1000 / elapsedMs) * 100,
      };
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
