import { loadConfig } from '../../server/config.js';
import type { BenchOptions } from './options.js';
import type { MetricDefinition, Results, ScalePoint } from './results.js';
import { runBrowser } from './scenarios/browser.js';
import { editedLetter, runColdJoin } from './scenarios/cold-join.js';
import { runIdleMemory } from './scenarios/idle-memory.js';
import { runHistoryScenario } from './scenarios/history.js';
import { runSignoffScenario } from './scenarios/signoff.js';
import { runSuggestingScenario } from './scenarios/suggesting.js';
import { runTypingLoad, type TypingLoadResult } from './scenarios/typing-load.js';
import type { BenchLetter } from './servers/bench-letter.js';
import { instanceKinds, ServerKind } from './servers/server-kind.js';

/**
 * What each scenario records, and the goals of the issue the figures are read against. Each
 * function runs one scenario on one server for one round.
 */
const mb = 2 ** 20;

interface LoadGoals {
  p99?: number;
  max?: number;
  cpu?: number;
}

interface RecordingOptions {
  goals?: LoadGoals;
  /** Puts CPU per delivered message, p99 and the client's lag into the scaling table, in the part of `family`. */
  scale?: { family: string; size: number; unit: string };
  /** The figures belong to a table of these deployments (two instances against one). */
  deployments?: readonly ServerKind[];
}

/** A point of the scaling table (in the part of its family, the series of the metric's measure), or nothing. */
function scalePoint(scale: RecordingOptions['scale'], clientSide = false): { scale?: ScalePoint } {
  return scale ? { scale: { family: scale.family, size: scale.size, unit: scale.unit, ...(clientSide ? { clientSide } : {}) } } : {};
}

function recordLoad(results: Results, scenario: string, kind: ServerKind, result: TypingLoadResult, recording: RecordingOptions = {}): void {
  const { goals = {}, scale, deployments } = recording;
  const add = (definition: Omit<MetricDefinition, 'scenario'>, value: number) =>
    results.add({ scenario, ...definition, ...(deployments ? { deployments } : {}) }, kind, value);
  const p99 = 'latency p99 (ms)';
  const cpu = 'server CPU per delivered message (µs)';
  const lag = 'client event-loop lag p99 (ms)';
  add({ measure: 'latency p50 (ms)', digits: 1 }, result.latencyMs.p50);
  add({ measure: 'latency p95 (ms)', digits: 1 }, result.latencyMs.p95);
  add({ measure: p99, digits: 1, ...(goals.p99 ? { goal: { maxRatio: goals.p99 } } : {}), ...scalePoint(scale) }, result.latencyMs.p99);
  add({ measure: 'latency max (ms)', digits: 1, ...(goals.max ? { goal: { maxRatio: goals.max, note: 'no stalls' } } : {}) }, result.latencyMs.max);
  add({ measure: cpu, digits: 1, ...(goals.cpu ? { goal: { maxRatio: goals.cpu } } : {}), ...scalePoint(scale) }, result.cpuPerDeliveryUs);
  add({ measure: 'server CPU per keystroke received (µs)', digits: 1 }, (result.usage.serverCpuMs * 1000) / result.typed);
  add({ measure: 'server RSS at end (MB)', digits: 0 }, result.usage.serverRssBytes / mb);
  add({ measure: 'messages delivered', digits: 0 }, result.delivered);
  add({ measure: 'deliveries missing after 2 s', digits: 0 }, result.missing);
  add({ measure: lag, digits: 1, ...scalePoint(scale, true) }, result.usage.clientLagP99Ms);
  add({ measure: 'client event-loop lag max (ms)', digits: 1 }, result.usage.clientLagMaxMs);
  add({ measure: 'client CPU (% of a core)', digits: 0 }, result.usage.clientCpuPercent);
}

/**
 * Runs one size of a scenario; a failure (a server that cannot serve that size, say) is logged
 * and noted under the tables instead of ending the run, so the other sizes and servers still count.
 */
async function attempt(results: Results, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    process.stderr.write(`failed: ${what}: ${reason}\n`);
    results.note(`${what} failed: ${reason}`);
  }
}

export async function measureFanOut(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  for (const readers of options.readers) {
    await attempt(results, `fan-out with ${readers} readers on ${kind}`, async () => {
      const result = await runTypingLoad(kind, {
        letters: 1,
        writersPerLetter: 1,
        readersPerLetter: readers,
        intervalMs: 20,
        warmupSeconds: options.warmupSeconds,
        seconds: options.seconds,
      });
      // The goals are stated for 50 readers.
      const goals = readers === 50 ? { p99: 1.2, cpu: 1.3 } : {};
      recordLoad(results, `fan-out, 1 writer every 20 ms, ${readers} readers`, kind, result, { goals, scale: { family: 'fan-out', size: readers, unit: 'readers' } });
    });
  }
}

export async function measureManyLetters(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  const typing = (letters: number) =>
    runTypingLoad(kind, {
      letters,
      writersPerLetter: options.editors,
      readersPerLetter: 0,
      intervalMs: 1000 / options.editsPerSecond,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
    });
  const latency = await typing(options.latencyLetters);
  recordLoad(results, `many letters: ${options.latencyLetters} × ${options.editors} editors at ${options.editsPerSecond} Hz`, kind, latency, { goals: { p99: 1.5, max: 2, cpu: 1.5 } });
  const load = await typing(options.loadLetters);
  recordLoad(results, `many letters: ${options.loadLetters} × ${options.editors} editors at ${options.editsPerSecond} Hz (CPU, RSS)`, kind, load);
}

/** Jointly's default per-connection budget: the noisy neighbour sends as much as it is allowed, to every server alike. */
const allowedFlood = (() => {
  const { connectionFrames, connectionBytes } = loadConfig({}).syncBudget;
  return { framesPerSecond: connectionFrames.perSecond, bytesPerSecond: connectionBytes.perSecond };
})();

/**
 * Editors typing in many letters, once alone and once while one client of another letter pastes
 * at the largest rate Jointly's default budget allows. Goal: the editors' p99 with the flood
 * within 1.5× of their p99 without it.
 */
export async function measureNoisyNeighbour(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  const typing = (flood?: typeof allowedFlood) =>
    runTypingLoad(kind, {
      letters: options.noisyLetters,
      writersPerLetter: options.editors,
      readersPerLetter: 0,
      intervalMs: 1000 / options.editsPerSecond,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      ...(flood ? { flood } : {}),
    });
  const quiet = await typing();
  const noisy = await typing(allowedFlood);
  const kib = (allowedFlood.bytesPerSecond / 1024).toFixed(0);
  const scenario = `noisy neighbour: ${options.noisyLetters} × ${options.editors} editors at ${options.editsPerSecond} Hz; one client pastes ${allowedFlood.framesPerSecond} frames (${kib} KiB) a second into another letter`;
  const add = (measure: string, value: number, digits = 1, goal?: MetricDefinition['goal']) =>
    results.add({ scenario, measure, digits, ...(goal ? { goal } : {}) }, kind, value);
  add('editors latency p99 without the flood (ms)', quiet.latencyMs.p99);
  add('editors latency p99 with the flood (ms)', noisy.latencyMs.p99);
  add('editors latency max without the flood (ms)', quiet.latencyMs.max);
  add('editors latency max with the flood (ms)', noisy.latencyMs.max);
  add('editors p99 with ÷ without the flood', noisy.latencyMs.p99 / quiet.latencyMs.p99, 2, { maxValue: 1.5, unit: '×' });
  add('editors deliveries missing after 2 s, with the flood', noisy.missing, 0);
  add('flood frames sent while counted', noisy.floodFrames, 0);
  add('server RSS at end with the flood (MB)', noisy.usage.serverRssBytes / mb, 0);
  add('client event-loop lag p99 with the flood (ms)', noisy.usage.clientLagP99Ms);
}

/** The cold-join letters are built once per run and size: 80,000 edits take a while to replay. */
const coldLetters = new Map<number, BenchLetter>();

/** The sizes the issue states cold-join and idle-memory goals for. */
const coldJoinGoalSizes = [20_000, 80_000];
const idleMemoryGoalSize = 1000;

/** A figure recorded for one size of a scenario, as `Results.add` takes it without the scenario. */
type SizeFigure = Omit<MetricDefinition, 'scenario'> & { value: number };

/** What one size of a scenario of the scaling table measured. */
interface SizeFigures {
  scenario: string;
  /** The figure the scaling table follows from size to size, with the goal of this size if it has one. */
  scaled: SizeFigure;
  /** Figures of the main table only. */
  more: SizeFigure[];
  /** The client's event-loop lag p99 while measuring, beside the scaled figure in both tables. */
  clientLagP99Ms: number;
}

/**
 * Measures a scenario of the scaling table at each of its sizes on `kind`, each size an attempt of
 * its own, and records its figures: the main table gets them all, the part of `family.name` in the
 * scaling table the scaled figure and the client's lag.
 */
async function measureEachSize(
  results: Results,
  kind: ServerKind,
  family: { name: string; unit: string; sizes: readonly number[]; describe: (size: number) => string },
  measure: (size: number) => Promise<SizeFigures>,
): Promise<void> {
  for (const size of family.sizes) {
    await attempt(results, `${family.describe(size)} on ${kind}`, async () => {
      const figures = await measure(size);
      const scale = { family: family.name, size, unit: family.unit };
      const add = ({ value, ...definition }: SizeFigure) => results.add({ scenario: figures.scenario, ...definition }, kind, value);
      add({ ...figures.scaled, ...scalePoint(scale) });
      for (const figure of figures.more) add(figure);
      add({ measure: 'client event-loop lag p99 (ms)', digits: 1, value: figures.clientLagP99Ms, ...scalePoint(scale, true) });
    });
  }
}

export async function measureColdJoin(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  const family = { name: 'cold join', unit: 'stored edits', sizes: options.coldEdits, describe: (edits: number) => `cold join of ${edits} stored edits` };
  await measureEachSize(results, kind, family, async (edits) => {
    let letter = coldLetters.get(edits);
    if (!letter) coldLetters.set(edits, (letter = editedLetter(edits)));
    const result = await runColdJoin(kind, letter, { edits, joins: options.coldJoins });
    const goal = coldJoinGoalSizes.includes(edits) ? { goal: { maxRatio: 2, note: 'relay serves a cached snapshot' } } : {};
    return {
      scenario: `cold join: ${edits} stored edits (¼ deletions), ${(letter.state.length / 1024).toFixed(0)} KiB state`,
      scaled: { measure: 'full state received (ms)', digits: 1, ...goal, value: result.receivedMs },
      more: [
        { measure: 'synced: received and applied (ms)', digits: 1, value: result.syncMs },
        { measure: 'bytes received until synced (KiB)', digits: 1, value: result.bytes / 1024 },
      ],
      clientLagP99Ms: result.clientLagP99Ms,
    };
  });
}

export async function measureIdleMemory(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  const family = { name: 'idle memory', unit: 'letters', sizes: options.idleLetters, describe: (letters: number) => `idle memory with ${letters} letters` };
  await measureEachSize(results, kind, family, async (letters) => {
    const result = await runIdleMemory(kind, { letters, paragraphs: options.idleParagraphs });
    const goal = letters === idleMemoryGoalSize ? { goal: { maxRatio: 2 } } : {};
    return {
      scenario: `idle memory: ${letters} open letters of ${options.idleParagraphs} paragraphs`,
      scaled: { measure: 'server RSS per letter (KiB)', digits: 1, ...goal, value: result.bytesPerLetter / 1024 },
      more: [{ measure: 'server RSS, all loaded (MB)', digits: 0, value: result.loadedRssBytes / mb }],
      clientLagP99Ms: result.clientLagP99Ms,
    };
  });
}

/**
 * Two instances against one: the fan-out and many-letters loads on `kind`, one of the relay,
 * Jointly as `npm start` runs it, and Jointly's scaled-out deployment with one or two instances
 * (clients spread over the instances, CPU and memory summed over them).
 */
export async function measureTwoInstances(results: Results, kind: ServerKind, options: BenchOptions): Promise<void> {
  const readers = options.twoInstanceReaders;
  await attempt(results, `two instances against one: fan-out with ${readers} readers on ${kind}`, async () => {
    const result = await runTypingLoad(kind, {
      letters: 1,
      writersPerLetter: 1,
      readersPerLetter: readers,
      intervalMs: 20,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
    });
    recordLoad(results, `two instances against one: fan-out, 1 writer every 20 ms, ${readers} readers`, kind, result, { deployments: instanceKinds });
  });
  const letters = options.twoInstanceLetters;
  await attempt(results, `two instances against one: ${letters} letters on ${kind}`, async () => {
    const result = await runTypingLoad(kind, {
      letters,
      writersPerLetter: options.editors,
      readersPerLetter: 0,
      intervalMs: 1000 / options.editsPerSecond,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
    });
    recordLoad(results, `two instances against one: many letters, ${letters} × ${options.editors} editors at ${options.editsPerSecond} Hz`, kind, result, {
      deployments: instanceKinds,
    });
  });
}

const jointlyOnlySignoff = 'Jointly only: the references keep no sign-off';

/** In-process: the sign-off derivation the server runs, timed on its own. */
export function measureSignoff(results: Results, options: BenchOptions): void {
  const result = runSignoffScenario({ paragraphs: options.signoffParagraphs, offices: options.signoffOffices });
  const scenario = `sign-off: ${options.signoffParagraphs} paragraphs × ${options.signoffOffices} offices`;
  const add = (measure: string, value: number, goal?: MetricDefinition['goal']) =>
    results.add({ scenario, measure, digits: 3, jointlyOnly: jointlyOnlySignoff, ...(goal ? { goal } : {}) }, ServerKind.jointly, value);
  add('read and hash every paragraph (ms, median)', result.readParagraphs.medianMs);
  add('derive the whole grid (ms, median)', result.deriveGrid.medianMs);
  add(`per keystroke: re-hash a paragraph, re-derive its ${options.signoffOffices} states (ms, median)`, result.perKeystroke.medianMs, { maxValue: 1, unit: 'ms' });
  add('per keystroke (ms, p95)', result.perKeystroke.p95Ms, { maxValue: 1, unit: 'ms' });
}

const jointlyOnlyHistory = 'Jointly only: the references keep no history';

/**
 * Opening a long paragraph history through the whole app (session, permission, store, JSON), and
 * what revision tracking adds to applying one keystroke on the server, against the same document
 * without it. In-process, so that the figure is the server's work alone.
 */
export async function measureHistory(results: Results, options: BenchOptions): Promise<void> {
  const result = await runHistoryScenario({ revisions: options.quick ? 200 : 1000, paragraphs: options.signoffParagraphs, keystrokes: options.quick ? 400 : 2000 });
  const scenario = `history: ${result.options.revisions} revisions of one paragraph; keystrokes in a ${result.options.paragraphs}-paragraph letter`;
  const add = (measure: string, value: number) => results.add({ scenario, measure, digits: 3, jointlyOnly: jointlyOnlyHistory }, ServerKind.jointly, value);
  add(`open the history of a paragraph with ${result.options.revisions} revisions (ms, median)`, result.openHistory.medianMs);
  add('open that history (ms, p95)', result.openHistory.p95Ms);
  add('apply one keystroke, history off (ms, median)', result.applyWithoutHistory.medianMs);
  add('apply one keystroke, history on (ms, median)', result.applyWithHistory.medianMs);
}

export async function measureBrowser(results: Results, options: BenchOptions): Promise<void> {
  const result = await runBrowser({ paragraphs: options.browserParagraphs, loads: options.browserLoads });
  const scenario = `browser: ${options.browserParagraphs}-paragraph letter in Chromium`;
  results.add({ scenario, measure: 'navigation to editable editor with every paragraph (ms)', digits: 0, jointlyOnly: 'Jointly only: the references serve no page' }, ServerKind.jointly, result.readyMs);
}

const jointlyOnlySuggesting = 'Jointly only: the references have no suggestions';

/**
 * In-process: the server's work on one keystroke (decode, schema and suggestion checks, apply) when
 * typing in suggesting mode on a letter with open suggestions, beside typing plain words (issue 15).
 */
export function measureSuggesting(results: Results, options: BenchOptions): void {
  const result = runSuggestingScenario({ paragraphs: options.signoffParagraphs, suggestions: options.suggestions, keystrokes: options.suggestingKeystrokes });
  const scenario = `suggesting: ${options.signoffParagraphs}-paragraph letter with ${options.suggestions} open suggestions`;
  const add = (measure: string, value: number) => results.add({ scenario, measure, digits: 3, jointlyOnly: jointlyOnlySuggesting }, ServerKind.jointly, value);
  add('per keystroke, an editor typing plain words (ms, median)', result.normalTyping.medianMs);
  add('per keystroke, a suggest-only approver proposing words (ms, median)', result.suggestOnlyTyping.medianMs);
  add('per keystroke, an editor proposing words (ms, median)', result.editorSuggesting.medianMs);
  add('per update, an editor moving someone else’s proposal (ms, median)', result.copyOfOthers.medianMs);
  add('per keystroke, plain words (ms, p95)', result.normalTyping.p95Ms);
  add('per keystroke, suggest-only (ms, p95)', result.suggestOnlyTyping.p95Ms);
}
