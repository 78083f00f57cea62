import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU time and resident memory of a process, read from outside it, so every server is measured alike. */
export interface ProcessUsage {
  cpuMs: number;
  rssBytes: number;
}

let ticksPerSecond: number | null = null;

function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** Linux only: user + system time from /proc/<pid>/stat and VmRSS from /proc/<pid>/status. */
export function readProcessUsage(pid: number): ProcessUsage {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: (ticks * 1000) / clockTicksPerSecond(), rssBytes: rssKb * 1024 };
}
