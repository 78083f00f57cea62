// Which server feature folders import which: shared by the lint rule (eslint.config.js) and the
// import-graph test, so that both judge the same graph.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Two-way imports between server folders that were there before the rule: each is to be taken
 * apart, and none may be added. The pairs are sorted by name.
 */
export const knownTwoWayFolders = [
  ['audit', 'auth'],
  ['audit', 'letters'],
  ['comments', 'signoff'],
  ['history', 'letters'],
  ['history', 'signoff'],
  ['letters', 'signoff'],
];

const importPattern = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

/** The relative import specifiers of a source text. */
export function relativeImports(text) {
  return [...text.matchAll(importPattern)].map((match) => match[1]);
}

/** The folder directly under `serverRoot` that holds `file`, or null for a file in no folder (main.ts) or outside. */
export function folderOf(serverRoot, file) {
  const relative = path.relative(serverRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Folder-level imports (`from -> Set<to>`) among `files`, each with the files it imports, resolved. */
export function folderImports(serverRoot, files) {
  const edges = new Map();
  for (const { file, imports } of files) {
    const from = folderOf(serverRoot, file);
    if (from === null) continue;
    for (const target of imports) {
      const to = folderOf(serverRoot, target);
      if (to === null || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
  return edges;
}

/** Pairs of folders that import each other, each sorted by name, the list sorted too. */
export function twoWayFolders(edges) {
  const pairs = [];
  for (const [from, targets] of edges) {
    for (const to of targets) if (from < to && edges.get(to)?.has(from)) pairs.push([from, to]);
  }
  return pairs.sort((a, b) => a.join('/').localeCompare(b.join('/')));
}

/** The non-test TypeScript files under `serverRoot`, each with its relative imports resolved to files. */
export function serverSourceFiles(serverRoot) {
  return fs
    .readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(serverRoot, file))
    .map((file) => ({ file, imports: relativeImports(fs.readFileSync(file, 'utf8')).map((specifier) => resolveImport(file, specifier)) }));
}

function resolveImport(file, specifier) {
  return path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
}

const isKnown = (a, b) => knownTwoWayFolders.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/**
 * ESLint rule: an import from one server feature folder into another is an error when the other
 * folder imports the first one too. The rest of the graph is read from disk once per lint run.
 */
export const oneWayFoldersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'No two server feature folders import each other.' } },
  create(context) {
    const serverRoot = path.join(context.cwd, 'server');
    const file = context.filename;
    const from = folderOf(serverRoot, file);
    if (from === null || file.endsWith('.test.ts')) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = folderOf(serverRoot, resolveImport(file, specifier));
      if (to === null || to === from || isKnown(from, to)) return;
      if (!serverGraph(serverRoot).get(to)?.has(from)) return;
      context.report({
        node: node.source,
        message: `server/${from} imports server/${to}, and server/${to} imports server/${from}: put what both need where one of them, or a folder both use, owns it.`,
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

let cachedGraph = null;
function serverGraph(serverRoot) {
  cachedGraph ??= folderImports(serverRoot, serverSourceFiles(serverRoot));
  return cachedGraph;
}
