import { medianOf, roundRatios, type Metric, type Results } from './results.js';
import { instanceKinds, ServerKind, serverKinds } from './servers/server-kind.js';
import { median } from './stats.js';

/**
 * The two tables beside the main one: how each server's cost grows with the size of a scenario
 * (scaling), and Jointly's scaled-out deployment on one and on two instances (two instances
 * against one).
 */

function format(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

/** How a series grows: the last value ÷ the first, and each value ÷ the one before. */
export function growth(values: readonly number[]): { overall: number; steps: number[] } {
  const steps = values.slice(1).map((value, i) => value / values[i]!);
  return { overall: values.length < 2 ? Number.NaN : values[values.length - 1]! / values[0]!, steps };
}

interface Series {
  family: string;
  measure: string;
  unit: string;
  clientSide: boolean;
  /** Ascending by size. */
  points: { size: number; metric: Metric }[];
}

/** The scaling figures grouped by family (fan-out, cold join, idle memory) and measure, in the order first recorded. */
export function scalingSeries(results: Results): Map<string, Series[]> {
  const families = new Map<string, Map<string, Series>>();
  for (const metric of results.list()) {
    const point = metric.scale;
    if (!point) continue;
    let family = families.get(point.family);
    if (!family) families.set(point.family, (family = new Map()));
    let series = family.get(metric.measure);
    if (!series) family.set(metric.measure, (series = { family: point.family, measure: metric.measure, unit: point.unit, clientSide: Boolean(point.clientSide), points: [] }));
    series.points.push({ size: point.size, metric });
  }
  return new Map(
    Array.from(families, ([name, family]) => [
      name,
      Array.from(family.values(), (series) => ({ ...series, points: [...series.points].sort((a, b) => a.size - b.size) })),
    ]),
  );
}

function cell(metric: Metric, kind: ServerKind, clientSide: boolean): string {
  const value = format(medianOf(metric, kind), metric.digits);
  if (clientSide || kind === ServerKind.relay) return value;
  return `${value} (${formatRatio(median(roundRatios(metric, kind)))})`;
}

/**
 * One part per family: each server's median at every size (with its ratio to the relay at that
 * size), then how its cost grows from the smallest to the largest size and per step, beside how
 * much the size itself grows.
 */
export function scalingTable(results: Results): string[] {
  const families = scalingSeries(results);
  if (families.size === 0) return [];
  const lines = [
    '### Scaling',
    '',
    'Medians over rounds; in brackets the ratio to the relay at the same size. Growth: the cost at the largest size ÷ at the smallest, and per step from one size to the next (1.00× = flat, the same as the size’s own growth = linear). Client event-loop lag is the benchmark’s own process: when it grows with the size, the client sets the figures.',
    '',
  ];
  for (const [family, allSeries] of families) {
    const sizes = [...new Set(allSeries.flatMap((series) => series.points.map((point) => point.size)))].sort((a, b) => a - b);
    const unit = allSeries[0]!.unit;
    const sizeGrowth = growth(sizes);
    const heading = sizes.length < 2 ? `**${family}** (one size: no growth to show)` : `**${family}** (sizes grow ${sizeGrowth.steps.map(formatRatio).join(', ')}; ${formatRatio(sizeGrowth.overall)} overall)`;
    lines.push(
      heading,
      '',
      `| measure | server | ${sizes.map((size) => `${size} ${unit}`).join(' | ')} | largest ÷ smallest | per step |`,
      `| --- | --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: |`,
    );
    for (const series of allSeries) {
      for (const kind of serverKinds) {
        if (!series.points.some((point) => point.metric.values[kind]?.some((value) => typeof value === 'number'))) continue;
        const bySize = new Map(series.points.map((point) => [point.size, point.metric]));
        const cells = sizes.map((size) => {
          const metric = bySize.get(size);
          return metric ? cell(metric, kind, series.clientSide) : '–';
        });
        const costs = series.points.map((point) => medianOf(point.metric, kind));
        const { overall, steps } = growth(costs);
        lines.push(`| ${series.measure} | ${kind} | ${cells.join(' | ')} | ${formatRatio(overall)} | ${steps.map(formatRatio).join(', ')} |`);
      }
    }
    lines.push('');
  }
  return lines;
}

const [, jointly, scaledOne, scaledTwo] = instanceKinds as [ServerKind, ServerKind, ServerKind, ServerKind];

/**
 * Jointly on one and on two instances of the scaled-out deployment, beside Jointly as `npm start`
 * runs it and the relay: medians (ratio to the relay), then two instances ÷ one, per round.
 */
export function instancesTable(results: Results): string[] {
  const metrics = results.list().filter((metric) => metric.deployments);
  if (metrics.length === 0) return [];
  return [
    '### Two instances against one',
    '',
    'CPU and RSS are summed over the instances; the clients are spread over both instances (each letter’s readers and editors alternate between them). In brackets the ratio to the relay of the same round; the last two columns are medians of the per-round ratios.',
    '',
    `| scenario | measure | ${instanceKinds.join(' | ')} | 2 instances ÷ 1 (PostgreSQL + Redis) | 2 instances ÷ Jointly on SQLite |`,
    `| --- | --- | ${instanceKinds.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...metrics.map((metric) => {
      const cells = instanceKinds.map((kind) => cell(metric, kind, false));
      const twoToOne = formatRatio(median(roundRatios(metric, scaledTwo, scaledOne)));
      const twoToSqlite = formatRatio(median(roundRatios(metric, scaledTwo, jointly)));
      return `| ${metric.scenario.replace('two instances against one: ', '')} | ${metric.measure} | ${cells.join(' | ')} | ${twoToOne} | ${twoToSqlite} |`;
    }),
    '',
  ];
}

/** Scenarios skipped and measurements that failed. */
export function notesList(results: Results): string[] {
  if (results.notes.length === 0) return [];
  return ['Notes:', '', ...results.notes.map((note) => `- ${note}`), ''];
}
