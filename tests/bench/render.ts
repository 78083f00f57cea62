import fs from 'node:fs';
import type { BenchOptions } from './options.js';
import { markdownReport, type RunContext } from './report.js';
import { Results, type Metric } from './results.js';

/**
 * `npx tsx tests/bench/render.ts bench-results/latest.json` prints the Markdown of an earlier run
 * again, e.g. after a change to the report's layout, without measuring anew.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: tsx tests/bench/render.ts <results.json>');
const run = JSON.parse(fs.readFileSync(file, 'utf8')) as RunContext & { options: BenchOptions; metrics: Metric[]; notes?: string[] };
console.log(markdownReport(Results.from(run.metrics, run.notes), run.options, run));
