// How the server is built, for production (`npm run build`, `npm start`), the tests and the
// benchmark alike: esbuild bundles `server/main.ts`, the operator's commands and the worker-thread
// modules loaded by URL into plain JavaScript, so that no process compiles TypeScript as it starts.
// The bundle holds the project's code and most packages; native packages (better-sqlite3, argon2)
// and those that load files by path stay in node_modules, which Node finds because the build
// folder must lie inside the project.
// Worker threads load their task modules by URL (`new URL('./export-worker.ts', import.meta.url)`):
// those modules are built as entries of their own and the URLs point at the built files (absolute
// file URLs: a build belongs to the checkout it was made in).
// No keepNames: nothing reads a function's or class's name at run time (the error classes that
// logs name set `name` themselves), and keepNames would add a call to every closure made per message.
//
//   node scripts/build-server.mjs [outdir]    builds into outdir (default dist/server), emptied first
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { build } from 'esbuild';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
/** Where `npm run build` puts the server; `npm start` runs `main.js` in it. */
export const productionOutdir = path.join(projectRoot, 'dist', 'server');

/** The modules a worker thread loads by URL; the build fails if the server names one not listed. */
const workerModules = ['server/export/export-worker.ts', 'server/import/import-worker.ts', 'server/sync/compaction-worker.ts', 'server/store/sqlite/text-writer-thread.ts'];
/**
 * Worker thread entries loaded by URL as they are, not built: each loads a (built) module whose
 * URL it is given, registering a TypeScript loader only when that module is a source file.
 */
const plainWorkerEntries = ['server/store/sqlite/text-writer-entry.mjs'];
/** Packages left to Node: native ones, and those that find files (fonts, workers) next to their own. */
const externalPackages = ['better-sqlite3', '@node-rs/argon2', 'pino', 'piscina', 'pg-native', 'pdfkit', 'mammoth', 'dejavu-fonts-ttf', 'docx'];
/** The operator's commands (`npm run verify-audit`, ...), built to `cli/<name>.js` beside `main.js`. */
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

/**
 * Builds the server into `outdir` (inside the project; made if missing, not emptied): `main.js`,
 * the commands in `cli/<name>.js`, the worker modules beside them. With `sourcemap`, each file gets
 * a `.map` beside it (run with `node --enable-source-maps` for stack traces in the sources' lines).
 * Returns the built server entry and the folder; on failure the folder is removed.
 */
export async function buildServer({ outdir, sourcemap = false }) {
  const folder = insideProject(outdir);
  mkdirSync(folder, { recursive: true });
  try {
    const builtPath = (source) => path.join(folder, path.relative('server', source).replace(/\.(m?ts|mjs)$/, '.js'));
    const entryFile = builtPath(workerEntry);
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
      outbase: 'server',
      outdir: folder,
      bundle: true,
      // Packages are bundled too (Node resolving thousands of small module files is most of a start),
      // except those that load files of their own by path or are native.
      external: externalPackages,
      banner: { js: "import { createRequire as jointlyCreateRequire } from 'node:module'; const require = jointlyCreateRequire(import.meta.url);" },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      keepNames: false,
      sourcemap: sourcemap ? 'linked' : false,
      logLevel: 'error',
      plugins: [workerUrls(urls)],
    });
    return { main: builtPath('server/main.ts'), folder };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The folder, resolved, if it lies inside the project (and is not the project itself). */
function insideProject(outdir) {
  const folder = path.resolve(outdir);
  const fromRoot = path.relative(projectRoot, folder);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot) || fromRoot.split(path.sep)[0] === 'node_modules') {
    throw new Error(`the server must be built into a folder inside the project (${projectRoot}), so that Node finds node_modules: not ${folder}`);
  }
  return folder;
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
          errors.push({ text: `${relative} is loaded by URL but is not built: add it to workerModules in scripts/build-server.mjs` });
          return whole;
        });
        return { contents, loader: 'ts', errors };
      });
    },
  };
}

// `node scripts/build-server.mjs [outdir]`: the production build, with source maps, into an emptied folder.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = insideProject(process.argv[2] ?? productionOutdir);
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  const { main } = await buildServer({ outdir, sourcemap: true });
  process.stdout.write(`Built the server into ${path.relative(process.cwd(), path.dirname(main)) || '.'} in ${Math.round(performance.now() - started)} ms\n`);
}
