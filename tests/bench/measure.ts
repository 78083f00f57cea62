import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median of the measured runs, in milliseconds. */
  medianMs: number;
  p95Ms: number;
  runs: number;
}

/** Runs `work` a few times to warm up, then `runs` times, and reports median and 95th percentile. */
export function measure(work: () => void, runs: number, warmup = Math.ceil(runs / 10)): Timing {
  for (let i = 0; i < warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!;
  return { medianMs: at(0.5), p95Ms: at(0.95), runs };
}
