import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isAllowedLinkHref } from '../../shared/domain/link-policy.js';
import { ParagraphWrites, checkParagraphIds } from './paragraph-id-guard.js';
import { codePointLabel, findReorderingCharacter } from '../../shared/domain/text-policy.js';
import type { SchemaRules } from './schema-rules.js';
import { TextGrowth } from './text-growth.js';
import { RefusalKind, UpdateRefusal } from './update-refusal.js';

export { RefusalKind, UpdateRefusal } from './update-refusal.js';

export interface DecodedUpdate {
  structs: (Y.Item | Y.GC | Y.Skip)[];
  /**
   * How many client groups the update declares. Yjs keeps only the last group of a client, so
   * an update that names a client twice is not applied as it decodes; see checkIntegrationOrder.
   */
  groupCount: number;
  deletes: Map<number, { clock: number; len: number }[]>;
  /** True for an update that carries nothing (what a client sends when it has nothing new). */
  isEmpty: boolean;
  /** The update as it came. */
  update: Uint8Array;
}

/**
 * The most client groups one update may carry. A client's update carries what the server lacks:
 * its own tab's text, or after an offline spell the few tabs' text it holds; an honest one is far
 * below this. Each group costs the checks work, so a crafted update of tiny groups is refused
 * before it is decoded.
 */
export const maxUpdateClients = 1000;

/** Decodes a v1 update without applying it; a frame that does not decode is malformed. */
export function decodeIncomingUpdate(update: Uint8Array): DecodedUpdate {
  let groupCount: number;
  try {
    groupCount = decoding.readVarUint(decoding.createDecoder(update));
  } catch {
    throw new UpdateRefusal(RefusalKind.malformed, 'the update cannot be decoded');
  }
  if (groupCount > maxUpdateClients) throw new UpdateRefusal(RefusalKind.inconsistent, `the update writes under more than ${maxUpdateClients} client ids`);
  try {
    const { structs, ds } = Y.decodeUpdate(update) as unknown as {
      structs: (Y.Item | Y.GC | Y.Skip)[];
      ds: { clients: Map<number, { clock: number; len: number }[]> };
    };
    return { structs, groupCount, deletes: ds.clients, isEmpty: structs.length === 0 && ds.clients.size === 0, update };
  } catch {
    throw new UpdateRefusal(RefusalKind.malformed, 'the update cannot be decoded');
  }
}

/**
 * Whether the document holds everything `update` carries already: no struct it lacks, no deletion
 * it has not applied. A client answers sync step 1 with its whole delete set, so a reader that
 * reconnects sends such an update without having changed anything.
 */
export function carriesNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(currentSnapshot(doc), update);
}

/** Each document's snapshot, dropped on its next change (see `currentSnapshot`). */
const snapshots = new WeakMap<Y.Doc, Y.Snapshot>();
const watchedDocs = new WeakSet<Y.Doc>();

/**
 * The document's snapshot, made once per state of the text: making one walks every item (about
 * 3 ms at 80,000), and a reader may send its whole delete set again and again without changing anything.
 */
export function currentSnapshot(doc: Y.Doc): Y.Snapshot {
  let snapshot = snapshots.get(doc);
  if (!snapshot) {
    snapshot = Y.snapshot(doc);
    snapshots.set(doc, snapshot);
    if (!watchedDocs.has(doc)) {
      watchedDocs.add(doc);
      doc.on('update', () => snapshots.delete(doc));
    }
  }
  return snapshot;
}

type Container =
  /** `item` holds the node's type (null for the body itself): it tells two nodes of one name apart. */
  | { kind: 'node'; name: string; depth: number; item: Y.Item | null }
  /** `block` holds the node that holds the text (null for text directly in the body). */
  | { kind: 'text'; holder: string; depth: number; block: Y.Item | null }
  /** The parent was garbage-collected: Yjs discards the item, so it cannot do harm. */
  | { kind: 'gone' };

interface Placement {
  container: Container;
  parentSub: string | null;
}

const maxAttributeLength = 2048;

const isId = (value: unknown): value is Y.ID =>
  typeof value === 'object' && value !== null && 'client' in value && 'clock' in value;

/**
 * Checks an update against the document it would be applied to, before applying it: every
 * dependency must be known (otherwise Yjs would hold it back and hide text until later), and
 * every node, attribute, mark and string must be where the letter schema allows it. Returns how
 * much the update makes the letter grow, for the size limits (see LetterSize).
 */
export function checkUpdate(doc: Y.Doc, decoded: DecodedUpdate, rules: SchemaRules, bodyField: string): TextGrowth {
  checkIntegrationOrder(doc, decoded);
  const byClient = groupByClient(decoded.structs);
  const memo = new Map<Y.Item, Placement>();
  const rootFragment = doc.getXmlFragment(bodyField);

  const findInUpdate = (id: Y.ID): Y.Item | Y.GC | Y.Skip | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  };

  const containerOfType = (type: Y.AbstractType<unknown>): Container => {
    if (type === rootFragment) return { kind: 'node', name: rules.rootNode, depth: 0, item: null };
    if (type._item === null) throw new UpdateRefusal(RefusalKind.schema, 'the update writes outside the letter body');
    let depth = 0;
    for (let item: Y.Item | null = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) depth++;
    if (type instanceof Y.XmlElement) return { kind: 'node', name: type.nodeName, depth, item: type._item };
    if (type instanceof Y.XmlText) {
      const holder = type.parent instanceof Y.XmlElement ? type.parent.nodeName : rules.rootNode;
      const block = type.parent instanceof Y.XmlElement ? type.parent._item : null;
      return { kind: 'text', holder, depth, block };
    }
    throw new UpdateRefusal(RefusalKind.schema, 'the update writes into a type that is not part of a letter');
  };

  /** Where a known item sits: its parent's container and, for an attribute, the attribute's name. */
  const placementInDoc = (id: Y.ID): Placement => {
    const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    if (struct instanceof Y.GC || struct.parent === null) return { container: { kind: 'gone' }, parentSub: null };
    return { container: containerOfType(struct.parent as Y.AbstractType<unknown>), parentSub: struct.parentSub };
  };

  /** The container that a type item of this update creates. */
  const containerCreatedBy = (typeItem: Y.Item, level: number): Container => {
    const parent = parentOf(typeItem, level + 1);
    if (parent.kind === 'gone') return parent;
    const type = (typeItem.content as Y.ContentType).type;
    if (type instanceof Y.XmlElement) return { kind: 'node', name: type.nodeName, depth: parent.depth + 1, item: typeItem };
    if (type instanceof Y.XmlText && parent.kind === 'node') return { kind: 'text', holder: parent.name, depth: parent.depth + 1, block: parent.item };
    throw new UpdateRefusal(RefusalKind.schema, 'the update nests a type where the letter schema has none');
  };

  const containerById = (id: Y.ID, level: number): Container => {
    const inUpdate = findInUpdate(id);
    if (inUpdate instanceof Y.Item) {
      if (!(inUpdate.content instanceof Y.ContentType) || inUpdate.id.clock !== id.clock) {
        throw new UpdateRefusal(RefusalKind.schema, 'the update names a parent that is not a type');
      }
      return containerCreatedBy(inUpdate, level);
    }
    if (inUpdate) return { kind: 'gone' };
    const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    if (struct instanceof Y.GC) return { kind: 'gone' };
    if (!(struct.content instanceof Y.ContentType)) {
      throw new UpdateRefusal(RefusalKind.schema, 'the update names a parent that is not a type');
    }
    return containerOfType(struct.content.type);
  };

  /**
   * Where an item goes. An item with a neighbour is encoded without its parent and attribute
   * name: like Yjs, take both from the neighbour (iteratively: chains can be long).
   */
  function placementOf(item: Y.Item, level = 0): Placement {
    if (level > rules.maxDepth + 1) throw new UpdateRefusal(RefusalKind.schema, 'the update nests too deeply');
    const chain: Y.Item[] = [];
    const visited = new Set<Y.Item>();
    let current = item;
    let result: Placement;
    for (;;) {
      const cached = memo.get(current);
      if (cached) {
        result = cached;
        break;
      }
      if (visited.has(current)) throw new UpdateRefusal(RefusalKind.malformed, 'the update refers to itself');
      visited.add(current);
      chain.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        if (parent !== bodyField) throw new UpdateRefusal(RefusalKind.schema, 'the update writes outside the letter body');
        result = { container: { kind: 'node', name: rules.rootNode, depth: 0, item: null }, parentSub: current.parentSub };
        break;
      }
      if (isId(parent)) {
        result = { container: containerById(parent, level), parentSub: current.parentSub };
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) throw new UpdateRefusal(RefusalKind.malformed, 'an item has neither parent nor neighbours');
      const inUpdate = findInUpdate(neighbour);
      if (inUpdate instanceof Y.Item) {
        current = inUpdate;
        continue;
      }
      result = inUpdate ? { container: { kind: 'gone' }, parentSub: null } : placementInDoc(neighbour);
      break;
    }
    for (const link of chain) memo.set(link, result);
    return result;
  }

  function parentOf(item: Y.Item, level = 0): Container {
    return placementOf(item, level).container;
  }

  const paragraphs = new ParagraphWrites();
  const growth = new TextGrowth();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Yjs skips what it already has, so only the new part of an update matters.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    const { container, parentSub } = placementOf(struct);
    checkItem(struct, container, parentSub, rules);
    if (container.kind === 'node') {
      paragraphs.note(struct, container.name, container.item, parentSub);
      growth.noteInNode(struct, parentSub);
    } else if (container.kind === 'text') {
      growth.noteInText(struct, container.block);
    }
  }
  checkParagraphIds(doc, decoded, paragraphs, bodyField);
  return growth;
}

function checkItem(item: Y.Item, container: Container, parentSub: string | null, rules: SchemaRules): void {
  if (container.kind === 'gone') return;
  const content = item.content;
  // Content set and replaced within one transaction arrives deleted: it carries nothing.
  if (content instanceof Y.ContentDeleted) return;
  if (parentSub !== null) {
    if (container.kind !== 'node' || container.depth === 0 || !(content instanceof Y.ContentAny)) {
      throw new UpdateRefusal(RefusalKind.schema, 'the update sets an attribute where the letter schema has none');
    }
    const rule = rules.nodes.get(container.name);
    if (!rule?.attributes.has(parentSub)) {
      throw new UpdateRefusal(RefusalKind.schema, `"${container.name}" has no attribute "${parentSub}"`);
    }
    for (const value of content.arr) checkAttributeValue(value);
    return;
  }
  if (content instanceof Y.ContentString) {
    if (container.kind !== 'text') throw new UpdateRefusal(RefusalKind.schema, 'text outside a paragraph');
    refuseReorderingCharacters(content.str);
    return;
  }
  if (content instanceof Y.ContentFormat) {
    if (container.kind !== 'text') throw new UpdateRefusal(RefusalKind.schema, 'formatting outside a paragraph');
    checkMark(content.key, content.value, rules);
    return;
  }
  if (content instanceof Y.ContentType) {
    if (container.kind !== 'node') throw new UpdateRefusal(RefusalKind.schema, 'a block inside text');
    const rule = rules.nodes.get(container.name);
    const type = content.type;
    if (type instanceof Y.XmlElement) {
      if (!rules.nodes.has(type.nodeName) || !rule?.children.has(type.nodeName)) {
        throw new UpdateRefusal(RefusalKind.schema, `"${type.nodeName}" is not allowed inside "${container.name}"`);
      }
      if (container.depth + 1 > rules.maxDepth) throw new UpdateRefusal(RefusalKind.schema, 'the update nests too deeply');
      return;
    }
    if (type instanceof Y.XmlText && rule?.holdsText) return;
    throw new UpdateRefusal(RefusalKind.schema, `this kind of content is not allowed inside "${container.name}"`);
  }
  throw new UpdateRefusal(RefusalKind.schema, 'the update carries content that is not part of a letter');
}

function checkAttributeValue(value: unknown): void {
  const ok =
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= maxAttributeLength);
  if (!ok) throw new UpdateRefusal(RefusalKind.schema, 'an attribute value is not a short plain value');
  if (typeof value === 'string') refuseReorderingCharacters(value);
}

/** Text and attribute values (a link's address is shown) may not reorder what is displayed (rule T1). */
function refuseReorderingCharacters(text: string): void {
  const found = findReorderingCharacter(text);
  if (found) throw new UpdateRefusal(RefusalKind.schema, `the text holds the direction control ${codePointLabel(found)}`);
}

function checkMark(name: string, value: unknown, rules: SchemaRules): void {
  const allowed = rules.marks.get(name);
  if (!allowed) throw new UpdateRefusal(RefusalKind.schema, `"${name}" is not a mark of the letter schema`);
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UpdateRefusal(RefusalKind.schema, `the "${name}" mark has a malformed value`);
  }
  for (const [key, attribute] of Object.entries(value)) {
    if (!allowed.has(key)) throw new UpdateRefusal(RefusalKind.schema, `the "${name}" mark has no attribute "${key}"`);
    checkAttributeValue(attribute);
  }
  if (name === 'link' && !isAllowedLinkHref((value as { href?: unknown }).href)) {
    throw new UpdateRefusal(RefusalKind.schema, 'links may only point to http(s) or mailto addresses');
  }
}

function groupByClient(structs: DecodedUpdate['structs']): Map<number, DecodedUpdate['structs']> {
  const byClient = new Map<number, DecodedUpdate['structs']>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return byClient;
}

/**
 * Replays the order in which Yjs would integrate the update's structs: each client's structs in
 * clock order, each after what it refers to (neighbours, parent). Whatever cannot be placed so,
 * Yjs would hold back as pending, hiding text; a reference forward within one client would make
 * it throw halfway. Deletions must name only what is known afterwards. Refuses all of these.
 */
function checkIntegrationOrder(doc: Y.Doc, decoded: DecodedUpdate): void {
  const missing = () => new UpdateRefusal(RefusalKind.missingDependencies, 'the update depends on changes the server does not have');
  const byClient = groupByClient(decoded.structs);
  if (byClient.size !== decoded.groupCount) {
    throw new UpdateRefusal(RefusalKind.inconsistent, 'the update lists a client twice');
  }
  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(doc.store, client);
  /** The client an item still waits for, or null once everything it refers to is in place. */
  const waitsFor = (item: Y.Item): number | null => {
    for (const id of [item.origin, item.rightOrigin, isId(item.parent) ? item.parent : null]) {
      if (id === null) continue;
      if (id.client === item.id.client) {
        if (id.clock >= item.id.clock) throw new UpdateRefusal(RefusalKind.inconsistent, 'the update refers forward to its own changes');
      } else if (id.clock >= stateOf(id.client)) {
        return id.client;
      }
    }
    return null;
  };
  const next = new Map<number, number>();
  const waiting = new Map<number, number[]>();
  const ready = Array.from(byClient.keys());
  while (ready.length > 0) {
    const client = ready.pop()!;
    const structs = byClient.get(client)!;
    const start = next.get(client) ?? 0;
    let index = start;
    for (; index < structs.length; index++) {
      const struct = structs[index]!;
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock > stateOf(client)) throw missing();
      const blocker = struct instanceof Y.Item ? waitsFor(struct) : null;
      if (blocker !== null) {
        // Appended in place: copying the list for each waiter made many tiny groups cost their square.
        let waiters = waiting.get(blocker);
        if (!waiters) waiting.set(blocker, (waiters = []));
        waiters.push(client);
        break;
      }
      state.set(client, Math.max(stateOf(client), struct.id.clock + struct.length));
    }
    next.set(client, index);
    // Only progress can unblock others; waking them without it would loop on a cycle.
    if (index === start) continue;
    for (const waiter of waiting.get(client) ?? []) ready.push(waiter);
    waiting.delete(client);
  }
  for (const [client, structs] of byClient) if ((next.get(client) ?? 0) < structs.length) throw missing();
  for (const [client, ranges] of decoded.deletes) {
    for (const range of ranges) {
      if (range.clock + range.len > stateOf(client)) {
        throw new UpdateRefusal(RefusalKind.missingDependencies, 'the update deletes changes the server does not have');
      }
    }
  }
}

/** Whether the document holds everything `update` builds on, so that it would apply at once. */
export function hasDependencies(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    checkIntegrationOrder(doc, decodeIncomingUpdate(update));
    return true;
  } catch {
    return false;
  }
}

/** The Yjs client ids under which an update writes something the server does not have yet. */
export function clientsWritten(doc: Y.Doc, decoded: DecodedUpdate): Set<number> {
  const clients = new Set<number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) clients.add(struct.id.client);
  }
  return clients;
}
