import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options.js';
import { medianOf, Results, roundRatios } from './results.js';
import { growth, instancesTable, scalingTable } from './scaling-report.js';
import { ServerKind } from './servers/server-kind.js';

/** Records one fan-out measure at three sizes for the relay and Jointly, as the plan does, one round. */
function fanOutResults(relay: number[], jointly: number[]): Results {
  const results = new Results();
  [10, 50, 200].forEach((readers, i) => {
    const definition = { scenario: `fan-out, ${readers} readers`, measure: 'server CPU per delivered message (µs)', digits: 1, scale: { family: 'fan-out', size: readers, unit: 'readers' } };
    results.add(definition, ServerKind.relay, relay[i]!);
    results.add(definition, ServerKind.jointly, jointly[i]!);
  });
  return results;
}

describe('BENCH the scaling table and two instances against one', () => {
  it('BENCH-1 growth is the largest size’s cost over the smallest’s, and each size’s over the one before', () => {
    expect(growth([10, 20, 80])).toEqual({ overall: 8, steps: [2, 4] });
    expect(growth([5]).overall).toBeNaN();
    const oneSize = new Results();
    oneSize.add({ scenario: 'cold join', measure: 'full state received (ms)', digits: 1, scale: { family: 'cold join', size: 80_000, unit: 'stored edits' } }, ServerKind.relay, 14);
    expect(scalingTable(oneSize)).toContain('**cold join** (one size: no growth to show)');
  });

  it('BENCH-2 each server gets a row with its cost at every size, the ratio to the relay and its growth', () => {
    const lines = scalingTable(fanOutResults([20, 20, 20], [40, 50, 100]));
    expect(lines).toContain('**fan-out** (sizes grow 5.00×, 4.00×; 20.00× overall)');
    expect(lines).toContain('| measure | server | 10 readers | 50 readers | 200 readers | largest ÷ smallest | per step |');
    expect(lines).toContain('| server CPU per delivered message (µs) | raw relay | 20.0 | 20.0 | 20.0 | 1.00× | 1.00×, 1.00× |');
    expect(lines).toContain('| server CPU per delivered message (µs) | Jointly | 40.0 (2.00×) | 50.0 (2.50×) | 100.0 (5.00×) | 2.50× | 1.25×, 2.00× |');
  });

  it('BENCH-3 two instances are compared with one instance and with Jointly on SQLite, round by round', () => {
    const results = new Results();
    const definition = { scenario: 'two instances against one: fan-out', measure: 'server CPU per delivered message (µs)', digits: 0, deployments: [ServerKind.relay, ServerKind.jointly, ServerKind.jointlyScaledOne, ServerKind.jointlyScaledTwo] };
    for (const [kind, value] of [
      [ServerKind.relay, 100],
      [ServerKind.jointly, 200],
      [ServerKind.jointlyScaledOne, 300],
      [ServerKind.jointlyScaledTwo, 450],
    ] as const) {
      results.add(definition, kind, value);
    }
    expect(instancesTable(results)).toContain('| fan-out | server CPU per delivered message (µs) | 100 | 200 (2.00×) | 300 (3.00×) | 450 (4.50×) | 1.50× | 2.25× |');
    // Not in the scaling table: it has no sizes.
    expect(scalingTable(results)).toEqual([]);
  });

  it('BENCH-4 the sizes come from --scale-* (or their older names), ascending; --quick has two sizes of each', () => {
    const options = parseBenchOptions(['--scale-readers', '200,10,50', '--cold-edits', '80000,5000', '--scale-idle-letters', '1000,200,1000']);
    expect(options.readers).toEqual([10, 50, 200]);
    expect(options.coldEdits).toEqual([5000, 80_000]);
    expect(options.idleLetters).toEqual([200, 1000]);
    const quick = parseBenchOptions(['--quick']);
    for (const sizes of [quick.readers, quick.coldEdits, quick.idleLetters]) expect(sizes).toHaveLength(2);
    expect(() => parseBenchOptions(['--scale-readers', '10,none'])).toThrow(/--scale-readers needs a positive number/);
  });

  it('BENCH-5 a round whose measurement failed on one server leaves a gap: later rounds are still compared with their own relay', () => {
    const results = new Results();
    const definition = { scenario: 'cold join', measure: 'full state received (ms)', digits: 1 };
    results.add(definition, ServerKind.relay, 10);
    results.add(definition, ServerKind.hocuspocus, 30);
    results.round = 1;
    results.add(definition, ServerKind.relay, 20);
    results.round = 2;
    results.add(definition, ServerKind.relay, 40);
    results.add(definition, ServerKind.hocuspocus, 80);
    const [metric] = results.list();
    expect(roundRatios(metric!, ServerKind.hocuspocus)).toEqual([3, 2]);
    expect(medianOf(metric!, ServerKind.hocuspocus)).toBe(30);
  });
});
