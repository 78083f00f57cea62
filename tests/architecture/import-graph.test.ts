import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderImports, knownTwoWayFolders, serverSourceFiles, twoWayFolders } from './folder-imports.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const sourceFolders = ['shared', 'server', 'client'];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(root, folder, file));
}

/** Relative imports of a file, resolved to the .ts files they name. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'visiting') return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, 'visiting');
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('import graph', () => {
  const files = sourceFolders.flatMap(sourceFiles);
  // Type-only imports cannot form a cycle at run time, but they still tangle the design: count them.
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('has no import cycles', () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => path.relative(root, file)) ?? null).toBeNull();
  });

  it('resolves every relative import to a file that exists', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !fs.existsSync(target)).map((target) => `${path.relative(root, file)} -> ${path.relative(root, target)}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('server feature folders', () => {
  const serverRoot = path.join(root, 'server');

  it('import each other only where the pair is a known one, to be taken apart', () => {
    const pairs = twoWayFolders(folderImports(serverRoot, serverSourceFiles(serverRoot)));
    expect(pairs).toEqual(knownTwoWayFolders);
  });

  it('are found to import each other when one file of each imports the other folder', () => {
    const file = (name: string) => path.join(serverRoot, name);
    const pairs = twoWayFolders(
      folderImports(serverRoot, [
        { file: file('sync/room.ts'), imports: [file('history/revision-tracker.ts'), file('store/store.ts')] },
        { file: file('history/history-service.ts'), imports: [file('sync/room.ts'), file('store/store.ts')] },
        { file: file('main.ts'), imports: [file('sync/room.ts')] },
      ]),
    );
    expect(pairs).toEqual([['history', 'sync']]);
  });
});
