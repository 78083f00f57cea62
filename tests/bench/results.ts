import { ServerKind } from './servers/server-kind.js';
import { median } from './stats.js';

/** What a figure is read against: Jointly's ratio to the relay, or Jointly's own value. */
export type Goal = { maxRatio: number; note?: string } | { maxValue: number; unit: string; note?: string };

export interface MetricDefinition {
  scenario: string;
  measure: string;
  /** Decimal places when printed. */
  digits: number;
  goal?: Goal;
  /** Set when only Jointly can be measured, with the reason. */
  jointlyOnly?: string;
  /** Set for a figure of the scaling table: which series it belongs to and at what size. */
  scale?: ScalePoint;
  /** Set for figures of other deployments than the main table's servers: the columns of their own table. */
  deployments?: readonly ServerKind[];
}

/** One size of a series of the scaling table, e.g. fan-out's CPU per delivered message (the metric's measure) at 50 readers. */
export interface ScalePoint {
  /** The scenario the sizes belong to, e.g. 'fan-out'; the table has one part per family. */
  family: string;
  size: number;
  /** What the size counts, e.g. 'readers'. */
  unit: string;
  /** Client-side figures (event-loop lag) are shown without a ratio to the relay. */
  clientSide?: boolean;
}

export interface Metric extends MetricDefinition {
  /** One value per round, per server, at the round's index; null (or a hole) for a round whose measurement failed. */
  values: Partial<Record<ServerKind, (number | null)[]>>;
}

/** Every figure of a run, in the order first recorded, with one value per round and server. */
export class Results {
  private readonly metrics = new Map<string, Metric>();
  /** What the tables cannot show: scenarios skipped, measurements that failed. */
  readonly notes: string[] = [];
  /** The round being measured: each value is stored at its round's index, so that a failed measurement does not shift the later rounds' ratios. */
  round = 0;

  add(definition: MetricDefinition, kind: ServerKind, value: number): void {
    const key = `${definition.scenario}\u0000${definition.measure}`;
    let metric = this.metrics.get(key);
    if (!metric) this.metrics.set(key, (metric = { ...definition, values: {} }));
    const values = (metric.values[kind] ??= []);
    while (values.length < this.round) values.push(null);
    values[this.round] = value;
  }

  /** Rebuilds the results of an earlier run from its JSON. */
  static from(metrics: readonly Metric[], notes: readonly string[] = []): Results {
    const results = new Results();
    for (const metric of metrics) results.metrics.set(`${metric.scenario}\u0000${metric.measure}`, metric);
    results.notes.push(...notes);
    return results;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  list(): Metric[] {
    return Array.from(this.metrics.values());
  }
}

/** The values of the rounds that were measured. */
function measured(values: readonly (number | null)[] | undefined): number[] {
  return (values ?? []).filter((value): value is number => typeof value === 'number');
}

/** Median over rounds. */
export function medianOf(metric: Metric, kind: ServerKind): number {
  return median(measured(metric.values[kind]));
}

/** Each round's ratio of `kind` to the relay (or to `base`) of the same round. */
export function roundRatios(metric: Metric, kind: ServerKind, base: ServerKind = ServerKind.relay): number[] {
  const relay = metric.values[base] ?? [];
  return (metric.values[kind] ?? []).flatMap((value, round) => {
    const floor = relay[round];
    return typeof value !== 'number' || typeof floor !== 'number' || floor === 0 ? [] : [value / floor];
  });
}

/** Whether Jointly meets the metric's goal: the median ratio (or value) at most the bound; null without a goal. */
export function isGoalMet(metric: Metric): boolean | null {
  if (!metric.goal) return null;
  const figure = 'maxRatio' in metric.goal ? median(roundRatios(metric, ServerKind.jointly)) : medianOf(metric, ServerKind.jointly);
  const bound = 'maxRatio' in metric.goal ? metric.goal.maxRatio : metric.goal.maxValue;
  return Number.isFinite(figure) && figure <= bound;
}

