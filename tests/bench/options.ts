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
  /** Fan-out: readers of the one letter, one run per size. */
  readers: number[];
  /** Many letters: editors per letter, letters for latency, letters for CPU and memory, keystrokes per second. */
  editors: number;
  latencyLetters: number;
  loadLetters: number;
  editsPerSecond: number;
  /** Noisy neighbour: letters of `editors` editors typing while one client floods another letter. */
  noisyLetters: number;
  coldEdits: number;
  coldJoins: number;
  idleLetters: number;
  idleParagraphs: number;
  signoffParagraphs: number;
  signoffOffices: number;
  browserParagraphs: number;
  browserLoads: number;
  /** Suggesting: open suggestions in the letter typed into (of `signoffParagraphs` paragraphs), keystrokes timed per kind of typing. */
  suggestions: number;
  suggestingKeystrokes: number;
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
  coldEdits: 20_000,
  coldJoins: 5,
  idleLetters: 1000,
  idleParagraphs: 50,
  signoffParagraphs: 200,
  signoffOffices: 30,
  browserParagraphs: 200,
  browserLoads: 3,
  suggestions: 100,
  suggestingKeystrokes: 2000,
};

const quickSizes: typeof fullSizes = {
  ...fullSizes,
  rounds: 1,
  warmupSeconds: 1,
  seconds: 3,
  readers: [10],
  latencyLetters: 10,
  loadLetters: 25,
  noisyLetters: 10,
  coldEdits: 2000,
  coldJoins: 2,
  idleLetters: 50,
  browserParagraphs: 50,
  browserLoads: 1,
  suggestingKeystrokes: 300,
};

export const usage = `npm run bench -- [--quick] [--rounds N] [--only ${allScenarios.join(',')}] [--servers jointly,y-websocket,hocuspocus]
  [--seconds N] [--warmup N] [--readers 10,50,200] [--editors N] [--letters N] [--load-letters N]
  [--rate N] [--noisy-letters N] [--cold-edits N] [--cold-joins N] [--idle-letters N] [--idle-paragraphs N]
  [--paragraphs N] [--offices N] [--browser-paragraphs N] [--browser-loads N] [--suggestions N] [--suggesting-keystrokes N]`;

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
        ['rounds', 'seconds', 'warmup', 'readers', 'editors', 'letters', 'load-letters', 'rate', 'noisy-letters', 'cold-edits', 'cold-joins', 'idle-letters', 'idle-paragraphs', 'paragraphs', 'offices', 'browser-paragraphs', 'browser-loads', 'suggestions', 'suggesting-keystrokes'].map(
          (name) => [name, { type: 'string' as const }],
        ),
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
  const readers = get('readers')?.split(',').map((size) => positive('readers', size, 0)) ?? sizes.readers;
  return {
    quick: Boolean(values.quick),
    scenarios,
    servers,
    rounds: positive('rounds', get('rounds'), sizes.rounds),
    seconds: positive('seconds', get('seconds'), sizes.seconds),
    warmupSeconds: positive('warmup', get('warmup'), sizes.warmupSeconds),
    readers,
    editors: positive('editors', get('editors'), sizes.editors),
    latencyLetters: positive('letters', get('letters'), sizes.latencyLetters),
    loadLetters: positive('load-letters', get('load-letters'), sizes.loadLetters),
    editsPerSecond: positive('rate', get('rate'), sizes.editsPerSecond),
    noisyLetters: positive('noisy-letters', get('noisy-letters'), sizes.noisyLetters),
    coldEdits: positive('cold-edits', get('cold-edits'), sizes.coldEdits),
    coldJoins: positive('cold-joins', get('cold-joins'), sizes.coldJoins),
    idleLetters: positive('idle-letters', get('idle-letters'), sizes.idleLetters),
    idleParagraphs: positive('idle-paragraphs', get('idle-paragraphs'), sizes.idleParagraphs),
    signoffParagraphs: positive('paragraphs', get('paragraphs'), sizes.signoffParagraphs),
    signoffOffices: positive('offices', get('offices'), sizes.signoffOffices),
    browserParagraphs: positive('browser-paragraphs', get('browser-paragraphs'), sizes.browserParagraphs),
    browserLoads: positive('browser-loads', get('browser-loads'), sizes.browserLoads),
    suggestions: positive('suggestions', get('suggestions'), sizes.suggestions),
    suggestingKeystrokes: positive('suggesting-keystrokes', get('suggesting-keystrokes'), sizes.suggestingKeystrokes),
  };
}
