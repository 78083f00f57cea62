// Builds the server once for a test run, so that every server process a test starts is plain
// `node` on JavaScript instead of compiling TypeScript on each start (seconds on a busy machine).
// The bundle holds the project's code and most packages; native packages (better-sqlite3, argon2)
// and those that load files by path stay in node_modules, which Node finds because the build
// folder lies inside the project.
// Worker threads load their task modules by URL (`new URL('./export-worker.ts', import.meta.url)`):
// those modules are built as entries of their own and the URLs point at the built files.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { build } from 'esbuild';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
/** Every test run's build lies here, in a folder named after the process that made it. */
const buildsRoot = path.join(projectRoot, 'dist', 'test-servers');

/** The modules a worker thread loads by URL; the build fails if the server names one not listed. */
const workerModules = ['server/export/export-worker.ts', 'server/import/import-worker.ts', 'server/sync/compaction-worker.ts', 'server/store/sqlite/text-writer-thread.ts'];
/**
 * Worker thread entries loaded by URL as they are, not built: each loads a (built) module whose
 * URL it is given, registering a TypeScript loader only when that module is a source file.
 */
const plainWorkerEntries = ['server/store/sqlite/text-writer-entry.mjs'];
/** Packages left to Node: native ones, and those that find files (fonts, workers) next to their own. */
const externalPackages = ['better-sqlite3', '@node-rs/argon2', 'pino', 'piscina', 'pg-native', 'pdfkit', 'mammoth', 'dejavu-fonts-ttf', 'docx'];
/** The operator's commands (`npm run verify-audit`, ...), which some tests run as an operator would. */
const operatorCommands = ['server/cli/create-admin.ts', 'server/cli/mark-restore.ts', 'server/cli/verify-audit.ts'];
/** The worker thread entry the pool starts: under tsx it registers a loader; built, it only imports. */
const workerEntry = 'server/export/worker-entry.mjs';

const builtWorkerEntry = `// Runs one task in a worker thread: the default export of the (built) module it names.
const modules = new Map();
export default async function runTask({ moduleUrl, input }) {
  if (!modules.has(moduleUrl)) modules.set(moduleUrl, import(moduleUrl));
  return (await modules.get(moduleUrl)).default(input);
}
`;

/** Whether a process with this id is still running. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Builds `server/main.ts`, the operator's commands and the worker modules into a fresh folder
 * owned by this process. Returns the built server entry (the commands are beside it, in
 * `cli/<name>.js`) and the folder, which the caller removes with `removeServerBuild`.
 */
export async function buildServer() {
  removeAbandonedBuilds();
  const outdir = path.join(buildsRoot, `${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(outdir, { recursive: true });
  try {
    const builtPath = (source) => path.join(outdir, source.replace(/\.(m?ts|mjs)$/, '.js'));
    const entryFile = path.join(outdir, 'server', 'export', 'worker-entry.js');
    mkdirSync(path.dirname(entryFile), { recursive: true });
    writeFileSync(entryFile, builtWorkerEntry);
    const urls = new Map([
      ...workerModules.map((source) => [path.join(projectRoot, source), pathToFileURL(builtPath(source)).href]),
      [path.join(projectRoot, workerEntry), pathToFileURL(entryFile).href],
      ...plainWorkerEntries.map((source) => [path.join(projectRoot, source), pathToFileURL(path.join(projectRoot, source)).href]),
    ]);
    await build({
      absWorkingDir: projectRoot,
      entryPoints: ['server/main.ts', ...operatorCommands, ...workerModules],
      outbase: '.',
      outdir,
      bundle: true,
      // Packages are bundled too (Node resolving thousands of small module files is most of a start),
      // except those that load files of their own by path or are native.
      external: externalPackages,
      banner: { js: "import { createRequire as jointlyCreateRequire } from 'node:module'; const require = jointlyCreateRequire(import.meta.url);" },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: false,
      logLevel: 'error',
      plugins: [workerUrls(urls)],
    });
    return { main: builtPath('server/main.ts'), folder: outdir };
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
}

export function removeServerBuild(folder) {
  rmSync(folder, { recursive: true, force: true });
}

/** Builds left by runs that were killed before they could remove them. */
export function removeAbandonedBuilds() {
  if (!existsSync(buildsRoot)) return;
  for (const name of readdirSync(buildsRoot)) {
    const owner = Number(name.split('-')[0]);
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) rmSync(path.join(buildsRoot, name), { recursive: true, force: true });
  }
}

const moduleUrlPattern = /new URL\((['"])(\.{1,2}\/[^'"]+\.m?ts|\.{1,2}\/[^'"]+\.mjs)\1,\s*import\.meta\.url\)/g;

/** Rewrites `new URL('./x.ts', import.meta.url)` in the server's sources to the built file's URL. */
function workerUrls(urls) {
  return {
    name: 'jointly-worker-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/]server[\\/].*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const errors = [];
        const contents = source.replace(moduleUrlPattern, (whole, _quote, relative) => {
          const target = path.resolve(path.dirname(args.path), relative);
          const url = urls.get(target);
          if (url) return `new URL(${JSON.stringify(url)})`;
          errors.push({ text: `${relative} is loaded by URL but is not built for the tests: add it to workerModules in tests/server-build.mjs` });
          return whole;
        });
        return { contents, loader: 'ts', errors };
      });
    },
  };
}
