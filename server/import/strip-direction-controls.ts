import type { Nodes, Root } from 'mdast';
import { ImportWarningCode, type ImportWarning } from '../../shared/api/import-warnings.js';
import { stripReorderingCharacters } from '../../shared/domain/text-policy.js';

/** Fields of a Markdown tree node that become letter text or a link's address. */
const textFields = ['value', 'url', 'title', 'alt'] as const;

/**
 * Takes bidirectional formatting characters (rule T1) out of a file's Markdown tree, Word files
 * included, before it becomes a letter: the server would refuse them (4422), and they could make the
 * imported text read in another order on paper. Returns how many it took out; changes `tree`.
 */
export function stripDirectionControls(tree: Root): number {
  let removed = 0;
  const visit = (node: Nodes): void => {
    const fields = node as unknown as Record<string, unknown>;
    for (const field of textFields) {
      const value = fields[field];
      if (typeof value !== 'string') continue;
      const stripped = stripReorderingCharacters(value);
      removed += stripped.removed;
      fields[field] = stripped.text;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return removed;
}

/** The preview's note about what was taken out. */
export function directionControlsWarning(removed: number): ImportWarning {
  return { code: ImportWarningCode.directionControlsRemoved, count: removed };
}
