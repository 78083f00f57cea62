import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions, Scenario, type BenchOptions } from './options.js';
import {
  measureBrowser,
  measureColdJoin,
  measureFanOut,
  measureHistory,
  measureIdleMemory,
  measureManyLetters,
  measureNoisyNeighbour,
  measureSignoff,
  measureSuggesting,
  measureTwoInstances,
} from './plan.js';
import { currentCommit, describeMachine, packageVersions, writeReport } from './report.js';
import { Results } from './results.js';
import { removeJointlyBuild, RunningServer } from './servers/launch-server.js';
import { scaledServices, stopScaledServices } from './servers/scaled-services.js';
import { removeOpenFolders } from './servers/server-run.js';
import { instanceKinds, type ServerKind } from './servers/server-kind.js';

/**
 * `npm run bench`: every scenario, on every server one after the other, for several rounds. This
 * process runs the clients; each server runs in a process of its own.
 */
const networkScenarios: Partial<Record<Scenario, (results: Results, kind: ServerKind, options: BenchOptions) => Promise<void>>> = {
  [Scenario.fanOut]: measureFanOut,
  [Scenario.manyLetters]: measureManyLetters,
  [Scenario.noisyNeighbour]: measureNoisyNeighbour,
  [Scenario.coldJoin]: measureColdJoin,
  [Scenario.idleMemory]: measureIdleMemory,
};

const options = parseBenchOptions(process.argv.slice(2));
// Each y-websocket provider adds an exit listener; hundreds of clients are the point here.
process.setMaxListeners(0);

const startedAt = new Date().toISOString();
const loadBefore = os.loadavg();
const results = new Results();
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

if (options.scenarios.includes(Scenario.browser)) {
  log('building the client for the browser scenario');
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: 'inherit',
  });
}

/** Rotating the order from round to round spreads slow drifts of a shared machine over every server. */
const rotated = (kinds: readonly ServerKind[], round: number) => kinds.map((_, i) => kinds[(i + round) % kinds.length]!);

/** Whether PostgreSQL and Redis could be started for two instances against one; if not, why. */
async function scaledDeploymentAvailable(): Promise<boolean> {
  try {
    await scaledServices();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const text = `two instances against one: skipped, PostgreSQL and Redis could not be started here (${reason}); the scaled-out deployment needs both installed (see ENVIRONMENT.md and the README, "Benchmarks").`;
    log(text);
    results.note(text);
    return false;
  }
}

// The servers, PostgreSQL and Redis are stopped and their folders removed also when the run is interrupted.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the servers, PostgreSQL and Redis`);
    void RunningServer.stopAll()
      .then(() => Promise.all([removeOpenFolders(), stopScaledServices(), removeJointlyBuild()]))
      .finally(() => process.exit(130));
  });
}

/** Whether two instances against one can run: PostgreSQL and Redis are started when first needed, at the end of the first round, and kept for the run. */
let twoInstances: boolean | null = null;

try {
  for (let round = 0; round < options.rounds; round++) await runRound(round);
} finally {
  await stopScaledServices();
  await removeJointlyBuild();
}

async function runRound(round: number): Promise<void> {
  results.round = round;
  const order = rotated(options.servers, round);
  for (const scenario of options.scenarios) {
    const measureOn = networkScenarios[scenario];
    if (!measureOn) continue;
    for (const kind of order) {
      log(`round ${round + 1}/${options.rounds}: ${scenario} on ${kind}`);
      await measureOn(results, kind, options);
    }
  }
  if (options.scenarios.includes(Scenario.signoff)) {
    log(`round ${round + 1}/${options.rounds}: ${Scenario.signoff} (Jointly only)`);
    measureSignoff(results, options);
  }
  if (options.scenarios.includes(Scenario.suggesting)) {
    log(`round ${round + 1}/${options.rounds}: ${Scenario.suggesting} (Jointly only)`);
    measureSuggesting(results, options);
  }
  if (options.scenarios.includes(Scenario.history)) {
    log(`round ${round + 1}/${options.rounds}: ${Scenario.history} (Jointly only)`);
    await measureHistory(results, options);
  }
  if (options.scenarios.includes(Scenario.browser)) {
    log(`round ${round + 1}/${options.rounds}: ${Scenario.browser} (Jointly only)`);
    await measureBrowser(results, options);
  }
  if (options.scenarios.includes(Scenario.twoInstances) && (twoInstances ??= await scaledDeploymentAvailable())) {
    for (const kind of rotated(instanceKinds, round)) {
      log(`round ${round + 1}/${options.rounds}: ${Scenario.twoInstances} on ${kind}`);
      await measureTwoInstances(results, kind, options);
    }
  }
}

const { markdown, files } = writeReport(results, options, {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: describeMachine(),
  loadBefore,
  loadAfter: os.loadavg(),
  versions: packageVersions(),
  commit: currentCommit(),
});
console.log(markdown);
log(`written: ${files.join(', ')}`);
