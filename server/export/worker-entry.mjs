// A worker thread's entry. The server runs TypeScript through tsx, and a worker thread does not
// always inherit its loader (under vitest it never does), so the worker registers its own, scoped
// to the task modules it loads. Each task names its module (a file URL) and carries its input.
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'jointly-worker' });
const modules = new Map();

export default async function runTask({ moduleUrl, input }) {
  if (!modules.has(moduleUrl)) modules.set(moduleUrl, api.import(moduleUrl, import.meta.url));
  const loaded = await modules.get(moduleUrl);
  return loaded.default(input);
}
