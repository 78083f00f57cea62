// The text writer thread's entry. Built, the thread's module is JavaScript and is simply loaded;
// from the TypeScript sources (tsx, vitest) a worker thread does not inherit the loader, so it
// registers its own first, scoped to that module.
import { workerData } from 'node:worker_threads';

const { threadModule } = workerData;
if (threadModule.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  await register({ namespace: 'jointly-text-writer' }).import(threadModule, import.meta.url);
} else {
  await import(threadModule);
}
