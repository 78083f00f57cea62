import type { Rule } from 'eslint';

/** Two-way imports between server folders that predate the rule; none may be added. */
export const knownTwoWayFolders: [string, string][];
/** The relative import specifiers of a source text. */
export function relativeImports(text: string): string[];
/** The folder directly under `serverRoot` that holds `file`, or null. */
export function folderOf(serverRoot: string, file: string): string | null;
/** Folder-level imports among `files`. */
export function folderImports(serverRoot: string, files: { file: string; imports: string[] }[]): Map<string, Set<string>>;
/** Pairs of folders that import each other, sorted. */
export function twoWayFolders(edges: Map<string, Set<string>>): [string, string][];
/** The non-test TypeScript files under `serverRoot` with their relative imports resolved. */
export function serverSourceFiles(serverRoot: string): { file: string; imports: string[] }[];
/** The ESLint rule forbidding two-way folder imports inside server/. */
export const oneWayFoldersRule: Rule.RuleModule;
