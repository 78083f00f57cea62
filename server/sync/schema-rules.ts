import type { NodeType, Schema } from '@tiptap/pm/model';

export interface NodeRule {
  /** Attribute names the node may carry. */
  attributes: ReadonlySet<string>;
  /** Node types that may appear directly inside this one. */
  children: ReadonlySet<string>;
  /** Whether the node holds inline content (text lives in it). */
  holdsText: boolean;
}

/**
 * What the server checks an incoming Yjs update against, derived from the editor's own schema so
 * that the two cannot drift apart.
 */
export interface SchemaRules {
  rootNode: string;
  nodes: ReadonlyMap<string, NodeRule>;
  /** Mark names and the attribute names each may carry. */
  marks: ReadonlyMap<string, ReadonlySet<string>>;
  maxDepth: number;
}

function childTypes(type: NodeType): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const pending = [type.contentMatch];
  while (pending.length > 0) {
    const match = pending.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      found.add(edge.type.name);
      pending.push(edge.next);
    }
  }
  return found;
}

export function deriveSchemaRules(schema: Schema, maxDepth = 16): SchemaRules {
  const nodes = new Map<string, NodeRule>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name === 'text') continue;
    nodes.set(name, {
      attributes: new Set(Object.keys(type.spec.attrs ?? {})),
      children: childTypes(type),
      holdsText: type.inlineContent,
    });
  }
  const marks = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.marks)) {
    marks.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  return { rootNode: schema.topNodeType.name, nodes, marks, maxDepth };
}
