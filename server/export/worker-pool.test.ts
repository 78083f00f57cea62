import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.js';
import { WorkerPool, type WorkerLimits, type WorkerRefusalCodes } from './worker-pool.js';

const codes: WorkerRefusalCodes = { busy: 'export_busy', overLimit: 'export_over_limit' };
const task = (name: string) => new URL(`../../tests/fixtures/workers/${name}.ts`, import.meta.url);
const limits: WorkerLimits = { threads: 1, queueLength: 1, timeoutMs: 60_000, memoryMb: 64, maxPerPerson: 1 };

let pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
});
function pool(overrides: Partial<WorkerLimits> = {}): WorkerPool {
  const created = new WorkerPool({ ...limits, ...overrides });
  pools.push(created);
  return created;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('WorkerPool', () => {
  it('runs a task in a worker thread and answers with its result', async () => {
    expect(await pool().run('aino', task('echo'), async () => 'hello', codes)).toBe('hello');
  });

  it('stops a task that runs past its time limit and answers 503 export_over_limit; the pool keeps working', async () => {
    const workers = pool({ timeoutMs: 8000 });
    const error = await refusal(workers.run('aino', task('never-ends'), async () => null, codes));
    expect([error.status, error.code]).toEqual([503, 'export_over_limit']);
    expect(await workers.run('aino', task('echo'), async () => 'after', codes)).toBe('after');
  });

  it('stops a task that needs more memory than its limit and answers 503 export_over_limit; the pool keeps working', async () => {
    const workers = pool({ memoryMb: 32 });
    const error = await refusal(workers.run('aino', task('grows-without-bound'), async () => null, codes));
    expect([error.status, error.code]).toEqual([503, 'export_over_limit']);
    expect(await workers.run('aino', task('echo'), async () => 'after', codes)).toBe('after');
  });

  it('refuses a task beyond the threads and the queue with 503 export_busy, whoever sends it', async () => {
    const workers = pool({ timeoutMs: 8000, maxPerPerson: 5 });
    const running = workers.run('aino', task('never-ends'), async () => null, codes);
    const waiting = workers.run('erik', task('echo'), async () => 'queued', codes);
    const error = await refusal(workers.run('ilze', task('echo'), async () => 'third', codes));
    expect([error.status, error.code]).toEqual([503, 'export_busy']);
    expect((await refusal(running)).code).toBe('export_over_limit');
    // The time limit counts from when a task is taken, waiting included: this one may run out of it.
    await waiting.catch(() => undefined);
    expect(await workers.run('ilze', task('echo'), async () => 'then', codes)).toBe('then');
  });
});
