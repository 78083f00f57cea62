import { parseArgs } from 'node:util';
import { serverKinds, type ServerKind } from './servers/server-kind.js';

export const Scenario = {
  fanOut: 'fan-out',
  manyLetters: 'many-letters',
  noisyNeighbour: 'noisy-neighbour',
  coldJoin: 'cold-join',
  idleMemory: 'idle-memory',
  signoff: 'sign-off',
  history: 'history',
  browser: 'browser',
  suggesting: 'suggesting',
  twoInstances: 'two-instances',
} as const;
export type Scenario = (typeof Scenario)[keyof typeof Scenario];
const allScenarios: Scenario[] = Object.values(Scenario);

export interface BenchOptions {
  quick: boolean;
  rounds: number;
  scenarios: Scenario[];
  /** The relay always runs: every ratio is to it. */
  servers: ServerKind[];
  warmupSeconds: number;
  seconds: number;
  /** Fan-out: readers of the one letter, one run per size (the scaling table's sizes). */
  readers: number[];
  /** Many letters: editors per letter, letters for latency, letters for CPU and memory, keystrokes per second. */
  editors: number;
  latencyLetters: number;
  loadLetters: number;
  editsPerSecond: number;
  /** Noisy neighbour: letters of `editors` editors typing while one client floods another letter. */
  noisyLetters: number;
  /** Cold join: stored edits of the letter, one run per size (the scaling table's sizes). */
  coldEdits: number[];
  coldJoins: number;
  /** Idle memory: open letters, one run per size (the scaling table's sizes). */
  idleLetters: number[];
  idleParagraphs: number;
  signoffParagraphs: number;
  signoffOffices: number;
  browserParagraphs: number;
  browserLoads: number;
  /** Suggesting: open suggestions in the letter typed into (of `signoffParagraphs` paragraphs), keystrokes timed per kind of typing. */
  suggestions: number;
  suggestingKeystrokes: number;
  /** Two instances against one: readers of the fan-out letter, and letters of `editors` editors. */
  twoInstanceReaders: number;
  twoInstanceLetters: number;
}

/** The sizes of the issue; `--quick` shrinks them so that a run takes a couple of minutes. */
const fullSizes: Omit<BenchOptions, 'quick' | 'scenarios' | 'servers'> = {
  rounds: 3,
  warmupSeconds: 2,
  seconds: 10,
  readers: [10, 50, 200],
  editors: 4,
  latencyLetters: 125,
  loadLetters: 500,
  editsPerSecond: 2,
  noisyLetters: 50,
  coldEdits: [5000, 20_000, 80_000],
  coldJoins: 5,
  idleLetters: [200, 1000],
  idleParagraphs: 50,
  signoffParagraphs: 200,
  signoffOffices: 30,
  browserParagraphs: 200,
  browserLoads: 3,
  suggestions: 100,
  suggestingKeystrokes: 2000,
  twoInstanceReaders: 50,
  twoInstanceLetters: 125,
};

const quickSizes: typeof fullSizes = {
  ...fullSizes,
  rounds: 1,
  warmupSeconds: 1,
  seconds: 3,
  readers: [10, 40],
  latencyLetters: 10,
  loadLetters: 25,
  noisyLetters: 10,
  coldEdits: [1000, 4000],
  coldJoins: 2,
  idleLetters: [25, 100],
  browserParagraphs: 50,
  browserLoads: 1,
  suggestingKeystrokes: 300,
  twoInstanceReaders: 10,
  twoInstanceLetters: 10,
};

export const usage = `npm run bench -- [--quick] [--rounds N] [--only ${allScenarios.join(',')}] [--servers jointly,y-websocket,hocuspocus]
  [--seconds N] [--warmup N] [--editors N] [--letters N] [--load-letters N]
  [--rate N] [--noisy-letters N] [--cold-joins N] [--idle-paragraphs N]
  [--paragraphs N] [--offices N] [--browser-paragraphs N] [--browser-loads N] [--suggestions N] [--suggesting-keystrokes N]
  [--scale-readers 10,50,200] [--scale-cold-edits 5000,20000,80000] [--scale-idle-letters 200,1000]
  [--two-instance-readers N] [--two-instance-letters N]

Scaling table: fan-out, cold join and idle memory run once per size of their list; the table gives
each server's cost at every size, its growth from the smallest to the largest size and per step.
--quick sizes: --scale-readers 10,40 --scale-cold-edits 1000,4000 --scale-idle-letters 25,100.
(--readers, --cold-edits and --idle-letters are older names of the same lists.)

two-instances: fan-out (--two-instance-readers, default 50) and many letters (--two-instance-letters
letters of --editors editors, default 125) on the relay, on Jointly as npm start runs it, and on Jointly's
scaled-out deployment (PostgreSQL + Redis) with one and with two instances, the clients spread over
both; CPU and memory are summed over the instances. PostgreSQL and Redis are started for the run and
removed afterwards; without them installed the scenario is skipped with a note.`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} needs a positive number, not ${value}\n${usage}`);
  return number;
}

/** Reads the command line; sizes not given come from the full or the quick set. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      only: { type: 'string' },
      servers: { type: 'string' },
      ...Object.fromEntries(
        [
          'rounds',
          'seconds',
          'warmup',
          'readers',
          'scale-readers',
          'editors',
          'letters',
          'load-letters',
          'rate',
          'noisy-letters',
          'cold-edits',
          'scale-cold-edits',
          'cold-joins',
          'idle-letters',
          'scale-idle-letters',
          'idle-paragraphs',
          'paragraphs',
          'offices',
          'browser-paragraphs',
          'browser-loads',
          'suggestions',
          'suggesting-keystrokes',
          'two-instance-readers',
          'two-instance-letters',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sizes = values.quick ? quickSizes : fullSizes;
  const get = (name: string) => (values as Record<string, unknown>)[name] as string | undefined;
  const scenarios = values.only ? (values.only.split(',') as Scenario[]) : allScenarios;
  for (const scenario of scenarios) if (!allScenarios.includes(scenario)) throw new Error(`unknown scenario ${scenario}\n${usage}`);
  const servers = values.servers ? serverKinds.filter((kind, i) => i === 0 || values.servers!.split(',').some((name) => kind.toLowerCase().includes(name.toLowerCase()))) : [...serverKinds];
  /** A list of sizes, ascending and without repeats, from `--scale-NAME` or its older name. */
  const sizeList = (name: string, olderName: string, fallback: number[]): number[] => {
    const given = get(name) ?? get(olderName);
    if (given === undefined) return fallback;
    return [...new Set(given.split(',').map((size) => positive(name, size.trim(), 0)))].sort((a, b) => a - b);
  };
  return {
    quick: Boolean(values.quick),
    scenarios,
    servers,
    rounds: positive('rounds', get('rounds'), sizes.rounds),
    seconds: positive('seconds', get('seconds'), sizes.seconds),
    warmupSeconds: positive('warmup', get('warmup'), sizes.warmupSeconds),
    readers: sizeList('scale-readers', 'readers', sizes.readers),
    editors: positive('editors', get('editors'), sizes.editors),
    latencyLetters: positive('letters', get('letters'), sizes.latencyLetters),
    loadLetters: positive('load-letters', get('load-letters'), sizes.loadLetters),
    editsPerSecond: positive('rate', get('rate'), sizes.editsPerSecond),
    noisyLetters: positive('noisy-letters', get('noisy-letters'), sizes.noisyLetters),
    coldEdits: sizeList('scale-cold-edits', 'cold-edits', sizes.coldEdits),
    coldJoins: positive('cold-joins', get('cold-joins'), sizes.coldJoins),
    idleLetters: sizeList('scale-idle-letters', 'idle-letters', sizes.idleLetters),
    idleParagraphs: positive('idle-paragraphs', get('idle-paragraphs'), sizes.idleParagraphs),
    signoffParagraphs: positive('paragraphs', get('paragraphs'), sizes.signoffParagraphs),
    signoffOffices: positive('offices', get('offices'), sizes.signoffOffices),
    browserParagraphs: positive('browser-paragraphs', get('browser-paragraphs'), sizes.browserParagraphs),
    browserLoads: positive('browser-loads', get('browser-loads'), sizes.browserLoads),
    suggestions: positive('suggestions', get('suggestions'), sizes.suggestions),
    suggestingKeystrokes: positive('suggesting-keystrokes', get('suggesting-keystrokes'), sizes.suggestingKeystrokes),
    twoInstanceReaders: positive('two-instance-readers', get('two-instance-readers'), sizes.twoInstanceReaders),
    twoInstanceLetters: positive('two-instance-letters', get('two-instance-letters'), sizes.twoInstanceLetters),
  };
}
