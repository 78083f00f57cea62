import * as Y from 'yjs';
import { paragraphIdAttribute, textBlockTypes } from '../../shared/domain/editor-extensions.js';
import { isWellFormedParagraphId } from '../../shared/domain/paragraph-id.js';
import { collectTextBlocks } from '../../shared/domain/yjs-text-blocks.js';
import { RefusalKind, UpdateRefusal } from './update-refusal.js';

const isTextBlockName = (name: string) => (textBlockTypes as readonly string[]).includes(name);

const refuse = (message: string) => new UpdateRefusal(RefusalKind.paragraphId, message);

/** Whether `id` lies within `item`'s clock range. */
const isWithin = (id: Y.ID | null, item: Y.Item) =>
  id !== null && id.client === item.id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length;

/**
 * What an update writes that bears on paragraph ids: the paragraphs it creates and the items that
 * set a paragraph's id, per paragraph (named by the item that holds its type, in the document or
 * in the update). Filled while the update guard places each new item.
 */
export class ParagraphWrites {
  readonly created = new Set<Y.Item>();
  readonly idWrites = new Map<Y.Item, Y.Item[]>();

  note(item: Y.Item, containerName: string, containerItem: Y.Item | null, parentSub: string | null): void {
    if (parentSub === null) {
      const content = item.content;
      if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && isTextBlockName(content.type.nodeName)) {
        this.created.add(item);
      }
      return;
    }
    if (parentSub !== paragraphIdAttribute || containerItem === null || !isTextBlockName(containerName)) return;
    const writes = this.idWrites.get(containerItem);
    if (writes) writes.push(item);
    else this.idWrites.set(containerItem, [item]);
  }
}

/** The ranges an update deletes, sorted per client for lookup. */
class UpdateDeletions {
  private readonly ranges = new Map<number, { clock: number; len: number }[]>();

  constructor(deletes: Map<number, { clock: number; len: number }[]>) {
    for (const [client, list] of deletes) this.ranges.set(client, [...list].sort((a, b) => a.clock - b.clock));
  }

  has(id: Y.ID): boolean {
    const list = this.ranges.get(id.client);
    if (!list) return false;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const range = list[mid]!;
      if (id.clock < range.clock) high = mid - 1;
      else if (id.clock >= range.clock + range.len) low = mid + 1;
      else return true;
    }
    return false;
  }

  /** Whether a node of the document goes away with this update: itself or a node that holds it. */
  removes(item: Y.Item): boolean {
    for (let current: Y.Item | null = item; current; current = (current.parent as Y.AbstractType<unknown>)._item) {
      if (current.deleted || this.has(current.id)) return true;
    }
    return false;
  }

  /** The document's items that this update deletes (each range walked once, without splitting). */
  *deletedItems(doc: Y.Doc): Generator<Y.Item> {
    for (const [client, list] of this.ranges) {
      const structs = doc.store.clients.get(client);
      if (!structs) continue;
      for (const range of list) {
        const end = range.clock + range.len;
        let index = structs.length > 0 && range.clock < Y.getState(doc.store, client) ? Y.findIndexSS(structs, range.clock) : structs.length;
        for (; index < structs.length && structs[index]!.id.clock < end; index++) {
          const struct = structs[index]!;
          if (struct instanceof Y.Item && !struct.deleted) yield struct;
        }
      }
    }
  }
}

/** The one write of a paragraph's id that no other write of the update builds on: the value it ends with. */
function finalWrite(writes: Y.Item[]): Y.Item | null {
  const tips = writes.filter((write) => !writes.some((other) => other !== write && isWithin(other.origin, write)));
  if (tips.length > 1) throw refuse('the update sets one paragraph id twice side by side');
  return tips[0] ?? null;
}

/** Where a chain of writes starts: the origin of its first write (an id item of the document, or none). */
function baseOf(write: Y.Item, writes: Y.Item[]): Y.ID | null {
  let current = write;
  for (let steps = 0; steps <= writes.length; steps++) {
    const previous = writes.find((other) => isWithin(current.origin, other));
    if (!previous) return current.origin;
    current = previous;
  }
  throw refuse('the update refers to itself');
}

function valueOf(write: Y.Item): unknown {
  return write.content instanceof Y.ContentAny ? write.content.arr[write.content.arr.length - 1] : undefined;
}

/**
 * Invariant 10: every paragraph keeps a well-formed id of its own. Checks the document as the
 * update would leave it, looking only at the paragraphs it creates, the ids it sets and the ids
 * it deletes; only an update that introduces an id reads the other paragraphs' ids (to find a
 * duplicate), which happens when a paragraph is created, not while typing.
 */
export function checkParagraphIds(
  doc: Y.Doc,
  update: { deletes: Map<number, { clock: number; len: number }[]> },
  writes: ParagraphWrites,
  bodyField: string,
): void {
  const deletions = new UpdateDeletions(update.deletes);
  /** The id each paragraph the update touches ends with. */
  const introduced = new Map<Y.Item, string>();
  /** Paragraphs whose current id the update certainly replaces. */
  const replaced = new Set<Y.Item>();
  for (const block of new Set([...writes.created, ...writes.idWrites.keys()])) {
    const isNew = writes.created.has(block);
    if (isNew && deletions.has(block.id)) continue;
    const blockWrites = writes.idWrites.get(block) ?? [];
    const write = finalWrite(blockWrites);
    if (!write) throw refuse('a new paragraph has no id');
    if (write.content instanceof Y.ContentDeleted || deletions.has(write.id)) throw refuse('the update removes a paragraph id');
    const value = valueOf(write);
    if (!isWellFormedParagraphId(value)) throw refuse('a paragraph id is not well-formed');
    introduced.set(block, value);
    if (isNew) continue;
    // The id's latest item so far (deleted or not): a write that builds on it is the one Yjs keeps.
    const current = (block.content as Y.ContentType).type._map.get(paragraphIdAttribute);
    if (current === undefined || isWithin(baseOf(write, blockWrites), current)) {
      replaced.add(block);
      continue;
    }
    // A write concurrent with the current id may lose to it: then the current id must stay valid.
    if (current.deleted || deletions.has(current.id) || !isWellFormedParagraphId(valueOf(current))) {
      throw refuse('the update may leave a paragraph without an id');
    }
  }
  for (const item of deletions.deletedItems(doc)) {
    if (item.parentSub !== paragraphIdAttribute || item.right !== null) continue;
    const block = (item.parent as Y.AbstractType<unknown>)._item;
    if (!block || !(item.parent instanceof Y.XmlElement) || !isTextBlockName(item.parent.nodeName)) continue;
    if (replaced.has(block) || deletions.removes(block)) continue;
    throw refuse('the update removes a paragraph id');
  }
  checkUnique(doc, bodyField, introduced, replaced, deletions);
}

/** No two paragraphs left with one id: neither two the update touches nor one it touches and one it leaves alone. */
function checkUnique(doc: Y.Doc, bodyField: string, introduced: Map<Y.Item, string>, replaced: Set<Y.Item>, deletions: UpdateDeletions): void {
  if (introduced.size === 0) return;
  const claimedBy = new Map<string, Y.Item>();
  for (const [block, id] of introduced) {
    if (claimedBy.has(id)) throw refuse('the update gives two paragraphs one id');
    claimedBy.set(id, block);
  }
  for (const { id, element } of collectTextBlocks(doc.getXmlFragment(bodyField))) {
    const claimant = id === null ? undefined : claimedBy.get(id);
    const item = element._item;
    if (!claimant || !item || item === claimant || replaced.has(item) || deletions.removes(item)) continue;
    throw refuse('the update gives a paragraph the id of another');
  }
}
