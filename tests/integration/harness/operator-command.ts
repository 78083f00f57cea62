import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testRun } from './test-deployment.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const timeoutMs = 20_000;

/**
 * Runs an operator's command (`server/cli/<name>.ts`, e.g. `verify-audit`) as `npm run <name>`
 * would, with `env`: the build made for the test run, or the TypeScript through tsx without one.
 * It is killed if it takes longer than 20 s. Resolves with its exit code and its output.
 */
export function runOperatorCommand(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const serverMain = testRun().serverMain;
  const args = serverMain ? [path.join(path.dirname(serverMain), 'cli', `${name}.js`)] : ['--import', 'tsx', `server/cli/${name}.ts`];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
