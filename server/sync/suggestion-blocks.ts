import * as Y from 'yjs';
import { isSuggestionMark, suggestionAttributesSchema } from '../../shared/domain/suggestions.js';
import type { DecodedUpdate } from './update-guard.js';

/**
 * The top-level blocks of the body an update changes, so that the suggestion checks read those and
 * not the whole letter. Read in two steps around applying the update: `before` (the blocks that
 * exist and that it writes into or deletes from), then `after` (those still there, and the blocks
 * it creates).
 */
export class TouchedBlocks {
  private constructor(
    private readonly doc: Y.Doc,
    private readonly body: Y.XmlFragment,
    private readonly decoded: DecodedUpdate,
    /** Blocks that exist before the update and that it changes. */
    readonly before: ReadonlySet<Y.XmlElement>,
  ) {}

  /**
   * Before applying `decoded` to `doc`. A new item is placed by its parent or neighbour; one whose
   * neighbour is new too sits in the same block as that neighbour, which is found through its own.
   */
  static of(doc: Y.Doc, decoded: DecodedUpdate, bodyField: string): TouchedBlocks {
    const body = doc.getXmlFragment(bodyField);
    const blocks = new Set<Y.XmlElement>();
    const isKnown = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);
    const note = (type: unknown) => {
      const block = blockOf(type, body);
      if (block) blocks.add(block);
    };
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
      const parent = struct.parent as unknown;
      if (isId(parent)) {
        if (!isKnown(parent)) continue;
        const holder = Y.getItem(doc.store, parent);
        if (holder instanceof Y.Item && holder.content instanceof Y.ContentType) note(holder.content.type);
        continue;
      }
      if (typeof parent === 'string') continue;
      const neighbour = struct.origin ?? struct.rightOrigin;
      if (!neighbour || !isKnown(neighbour)) continue;
      const item = Y.getItem(doc.store, neighbour);
      if (item instanceof Y.Item) note(item.parent);
    }
    for (const [client, ranges] of decoded.deletes) {
      for (const range of ranges) {
        const end = Math.min(range.clock + range.len, Y.getState(doc.store, client));
        for (let clock = range.clock; clock < end; ) {
          const item = Y.getItem(doc.store, Y.createID(client, clock));
          if (item instanceof Y.Item) {
            if (item.parent === body && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) blocks.add(item.content.type);
            else note(item.parent);
          }
          clock = item.id.clock + item.length;
        }
      }
    }
    return new TouchedBlocks(doc, body, decoded, blocks);
  }

  /** Once the update is applied: the blocks of `before` still in the body, and every block its new items sit in. */
  after(): Y.XmlElement[] {
    const blocks = new Set(Array.from(this.before).filter((block) => !block._item?.deleted));
    for (const struct of this.decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const item = Y.getItem(this.doc.store, struct.id);
      if (!(item instanceof Y.Item) || item.deleted) continue;
      if (item.parent === this.body && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) blocks.add(item.content.type);
      else {
        const block = blockOf(item.parent, this.body);
        if (block && !block._item?.deleted) blocks.add(block);
      }
    }
    return Array.from(blocks);
  }
}

const isId = (value: unknown): value is Y.ID => typeof value === 'object' && value !== null && 'client' in value && 'clock' in value;

/** The top-level block of the body that holds `type`; null for the body itself and for anything outside it. */
export function blockOf(type: unknown, body: Y.XmlFragment): Y.XmlElement | null {
  let current = type as Y.AbstractType<unknown> | null;
  while (current && current._item && current._item.parent !== body) current = current._item.parent as Y.AbstractType<unknown>;
  return current && current._item && current instanceof Y.XmlElement ? current : null;
}

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

/** Calls `visit` with every text of `block` (itself or nested) and the element that holds it. */
function eachText(block: Y.XmlElement, visit: (holder: Y.XmlElement, ops: DeltaOp[]) => void): void {
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlElement) eachText(child, visit);
    else if (child instanceof Y.XmlText) visit(block, child.toDelta() as DeltaOp[]);
  }
}

/** The id of each suggestion mark on a run of text. */
function suggestionIdsOn(op: DeltaOp): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(op.attributes ?? {})) {
    if (isSuggestionMark(key)) ids.push(String((value as { id?: unknown } | null)?.id));
  }
  return ids;
}

/** The attributes of a suggestion as one comparable string, whatever order its keys came in. */
export function signature(kind: string, value: unknown): string {
  const parsed = suggestionAttributesSchema.safeParse(value);
  if (!parsed.success) return `${kind}|${JSON.stringify(value)}`;
  // The note counts too: a copy of someone's suggestion may not change what it says of its origin.
  const { id, authorId, authorName, officeId, time, note } = parsed.data;
  return `${kind}|${JSON.stringify({ id, authorId, authorName, officeId, time, note: note ?? null })}`;
}

/** What the suggestion checks need to know of one top-level block. */
export interface BlockFacts {
  /** Each suggestion the block holds, as `signature` writes it, by id. */
  signatures: Map<string, string>;
  /** The ids of the open suggestions in each of its paragraphs (textblocks). */
  byParagraph: Map<Y.XmlElement, Set<string>>;
}

/** Reads `block` once for its `BlockFacts`. */
export function blockFacts(block: Y.XmlElement): BlockFacts {
  const facts: BlockFacts = { signatures: new Map(), byParagraph: new Map() };
  eachText(block, (holder, ops) => {
    let ids = facts.byParagraph.get(holder);
    if (!ids) facts.byParagraph.set(holder, (ids = new Set()));
    for (const op of ops) {
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        if (!isSuggestionMark(key)) continue;
        const id = String((value as { id?: unknown } | null)?.id);
        ids.add(id);
        facts.signatures.set(id, signature(key, value));
      }
    }
  });
  return facts;
}

/** How often each character occurs in the words of each suggestion named in `ids`, across `blocks`. */
export function wordsOfSuggestions(blocks: Iterable<Y.XmlElement>, ids: ReadonlySet<string>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const block of blocks) {
    eachText(block, (_holder, ops) => {
      for (const op of ops) {
        const words = typeof op.insert === 'string' ? op.insert : '\u0000';
        for (const id of suggestionIdsOn(op)) {
          if (!ids.has(id)) continue;
          let byCharacter = counts.get(id);
          if (!byCharacter) counts.set(id, (byCharacter = new Map()));
          for (const character of words) byCharacter.set(character, (byCharacter.get(character) ?? 0) + 1);
        }
      }
    });
  }
  return counts;
}

/** Whether any suggestion holds a character more often after than before. */
export function addsWords(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): boolean {
  for (const [id, counts] of after) {
    const had = before.get(id);
    for (const [character, count] of counts) if (count > (had?.get(character) ?? 0)) return true;
  }
  return false;
}
