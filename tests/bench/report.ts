import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './options.js';
import { isGoalMet, medianOf, roundRatios, type Metric, type Results } from './results.js';
import { formatRatio, instancesTable, notesList, scalingTable } from './scaling-report.js';
import { ServerKind, serverKinds } from './servers/server-kind.js';
import { median } from './stats.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const versionedPackages = ['yjs', 'y-websocket', 'y-protocols', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/provider', 'ws', 'better-sqlite3', 'playwright-core'];

export interface RunContext {
  startedAt: string;
  finishedAt: string;
  machine: string;
  /** Load average (1, 5, 15 min) before and after: these machines are shared. */
  loadBefore: number[];
  loadAfter: number[];
  versions: Record<string, string>;
  commit: string;
}

export function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of versionedPackages) {
    try {
      versions[name] = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}

export function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function format(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function describeGoal(metric: Metric): string {
  if (!metric.goal) return '';
  const bound = 'maxRatio' in metric.goal ? `≤ ${metric.goal.maxRatio}× relay` : `< ${metric.goal.maxValue} ${metric.goal.unit}`;
  return metric.goal.note ? `${bound} (${metric.goal.note})` : bound;
}

function describeMet(metric: Metric): string {
  const met = isGoalMet(metric);
  if (met === null) return '';
  return met ? '**met**' : '**missed**';
}

function row(metric: Metric): string {
  const cells = serverKinds.map((kind) => {
    if (metric.jointlyOnly && kind !== ServerKind.jointly) return '–';
    const value = format(medianOf(metric, kind), metric.digits);
    if (kind === ServerKind.relay || metric.jointlyOnly) return value;
    return `${value} (${formatRatio(median(roundRatios(metric, kind)))})`;
  });
  const perRound = metric.jointlyOnly ? metric.jointlyOnly : roundRatios(metric, ServerKind.jointly).map(formatRatio).join(', ');
  return `| ${metric.scenario} | ${metric.measure} | ${cells.join(' | ')} | ${perRound} | ${describeGoal(metric)} | ${describeMet(metric)} |`;
}

function goalFigure(metric: Metric, kind: ServerKind): string {
  if (metric.goal && 'maxRatio' in metric.goal) return formatRatio(median(roundRatios(metric, kind)));
  return format(medianOf(metric, kind), metric.digits);
}

/** Only the figures the issue sets goals for, one line each. */
function goalTable(results: Results): string[] {
  const withGoals = results.list().filter((metric) => metric.goal && !metric.deployments);
  if (withGoals.length === 0) return [];
  const references = serverKinds.filter((kind) => kind !== ServerKind.relay && kind !== ServerKind.jointly);
  return [
    `| goal | Jointly | ${references.join(' | ')} | met |`,
    `| --- | ---: | ${references.map(() => '---:').join(' | ')} | --- |`,
    ...withGoals.map((metric) => {
      const others = references.map((kind) => (metric.jointlyOnly ? '–' : goalFigure(metric, kind)));
      return `| ${metric.scenario}: ${metric.measure} ${describeGoal(metric)} | ${goalFigure(metric, ServerKind.jointly)} | ${others.join(' | ')} | ${describeMet(metric)} |`;
    }),
    '',
  ];
}

/** Every figure of the compared servers, one line each (none when only other deployments ran). */
function mainTable(results: Results): string[] {
  const metrics = results.list().filter((metric) => !metric.deployments);
  if (metrics.length === 0) return [];
  return [
    `| scenario | measure | ${serverKinds.join(' | ')} | Jointly ÷ relay per round | goal | goal met |`,
    `| --- | --- | ${serverKinds.map(() => '---:').join(' | ')} | --- | --- | --- |`,
    ...metrics.map(row),
    '',
  ];
}

/** The Markdown tables: medians over rounds, each server's median ratio to the relay, Jointly's per-round ratios, goals. */
export function markdownReport(results: Results, options: BenchOptions, context: RunContext): string {
  const versions = Object.entries(context.versions).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    `Run of ${context.startedAt} to ${context.finishedAt} (commit ${context.commit}), ${options.rounds} round(s)${options.quick ? ', quick sizes' : ''}.`,
    `Machine: ${context.machine}; load average ${context.loadBefore.map((load) => load.toFixed(2)).join(' / ')} before, ${context.loadAfter.map((load) => load.toFixed(2)).join(' / ')} after.`,
    `Versions: ${versions}.`,
    '',
    ...goalTable(results),
    ...mainTable(results),
    ...scalingTable(results),
    ...instancesTable(results),
    ...notesList(results),
  ].join('\n');
}

/** Writes the table and the JSON (every value of every round) under bench-results/, dated and as `latest`. */
export function writeReport(results: Results, options: BenchOptions, context: RunContext): { markdown: string; files: string[] } {
  const folder = path.join(projectRoot, 'bench-results');
  fs.mkdirSync(folder, { recursive: true });
  const markdown = markdownReport(results, options, context);
  const json = `${JSON.stringify({ ...context, options, metrics: results.list(), notes: results.notes }, null, 2)}\n`;
  const stamp = context.startedAt.replace(/[:.]/g, '-');
  const files = [`bench-${stamp}.md`, 'latest.md', `bench-${stamp}.json`, 'latest.json'].map((name) => path.join(folder, name));
  fs.writeFileSync(files[0]!, markdown);
  fs.writeFileSync(files[1]!, markdown);
  fs.writeFileSync(files[2]!, json);
  fs.writeFileSync(files[3]!, json);
  return { markdown, files };
}
