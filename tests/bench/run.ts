import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSignoffScenario } from './signoff-scenario.js';

// Sizes can be changed from the command line: `npm run bench -- --paragraphs 400 --offices 60`.
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const options = { paragraphs: argument('paragraphs', 200), offices: argument('offices', 30) };
const result = runSignoffScenario(options);
const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`;
const table = [
  `Sign-off: ${options.paragraphs} paragraphs × ${options.offices} offices (${new Date().toISOString()}; ${machine})`,
  '',
  '| measurement | median | p95 | runs |',
  '| --- | --- | --- | --- |',
  ...(
    [
      ['read and hash every paragraph of the server document', result.readParagraphs],
      ['derive the whole grid', result.deriveGrid],
      ['per keystroke: re-hash one paragraph and re-derive its states', result.perKeystroke],
    ] as const
  ).map(([name, timing]) => `| ${name} | ${format(timing.medianMs)} | ${format(timing.p95Ms)} | ${timing.runs} |`),
  '',
].join('\n');

const folder = path.resolve('bench-results');
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, 'signoff.md'), `${table}\n`);
fs.writeFileSync(path.join(folder, 'signoff.json'), `${JSON.stringify({ machine, ...result }, null, 2)}\n`);
console.log(table);
