import * as Y from 'yjs';
import { textBlockTypes } from '../../shared/domain/editor-extensions.js';
import type { BodyNodeJson } from '../../shared/domain/letter-hash.js';
import type { InlineJson } from '../../shared/domain/paragraph-hash.js';
import { defaultSuggestionLimits, type SuggestionLimits } from '../../shared/domain/suggestion-limits.js';
import {
  SuggestionKind,
  isDatedAhead,
  isSuggestionMark,
  suggestionAttributesSchema,
  type SuggestionAuthor,
} from '../../shared/domain/suggestions.js';
import { letterBodyJson } from '../../shared/domain/yjs-text-blocks.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { ProtocolViolation } from './protocol-violation.js';
import { TouchedBlocks, addsWords, blockFacts, signature, wordsOfSuggestions, type BlockFacts } from './suggestion-blocks.js';
import { decodeIncomingUpdate, type DecodedUpdate } from './update-guard.js';
import { RefusalKind, UpdateRefusal } from './update-refusal.js';

const forbidden = (message: string) => new ProtocolViolation(CloseCode.forbidden, message);

/** Every suggestion the body holds now: its kind and attributes (as `signature` writes them), by id. */
function storedSuggestions(doc: Y.Doc, bodyField: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of doc.getXmlFragment(bodyField).toArray()) {
    if (block instanceof Y.XmlElement) for (const [id, written] of blockFacts(block).signatures) found.set(id, written);
  }
  return found;
}

/** What an update writes of suggestions, once its attribution is checked. */
export interface SuggestionWrites {
  /** Ids of someone else's suggestions it copies unchanged (Enter or Backspace across them). */
  copied: Set<string>;
  /** Ids of suggestions it opens: new in the letter. */
  added: Set<string>;
}

/**
 * Attribution of suggestions is the server's (rule S13, invariant 6): every suggestion mark an
 * update writes must be well-formed, not dated ahead of the server's clock, and carry the author,
 * name and office of the connection that sends it. The one exception is a copy of a suggestion the
 * letter holds already, unchanged (an editor splitting a paragraph that holds someone's proposal
 * rewrites its formatting), which claims nothing new. An id names one suggestion: a mark that
 * re-uses the id of another one (someone else's, or of the other kind) is refused, since deciding
 * on one would decide on both. Checked on the update's structs before it is applied; `stored`
 * gives the letter's suggestions, read only if the update writes one.
 */
export function readSuggestionWrites(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  author: SuggestionAuthor,
  stored: (id: string) => string | undefined,
  now = Date.now(),
): SuggestionWrites {
  // What this update writes first under an id; later marks under it must be the same suggestion.
  const written = new Map<string, string>();
  const writes: SuggestionWrites = { copied: new Set(), added: new Set() };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    const { key, value } = struct.content;
    if (!isSuggestionMark(key) || value === null) continue;
    const parsed = suggestionAttributesSchema.safeParse(value);
    if (!parsed.success) throw new UpdateRefusal(RefusalKind.schema, `the "${key}" mark is not a well-formed suggestion`);
    const attrs = parsed.data;
    const had = written.get(attrs.id) ?? stored(attrs.id);
    const mark = signature(key, attrs);
    if (had === mark) {
      if (attrs.authorId !== author.userId) writes.copied.add(attrs.id);
      continue;
    }
    if (had !== undefined) throw forbidden('the update re-uses the id of another suggestion');
    if (attrs.authorId !== author.userId || attrs.officeId !== author.officeId || attrs.authorName !== author.name) {
      throw forbidden('the update writes a suggestion in the name of someone else');
    }
    if (isDatedAhead(attrs.time, now)) throw new UpdateRefusal(RefusalKind.schema, `the "${key}" mark is dated in the future`);
    written.set(attrs.id, mark);
    writes.added.add(attrs.id);
  }
  return writes;
}

/**
 * `readSuggestionWrites` on its own, then `checkCopies` for the copies of others' suggestions
 * (by default on a fresh copy of the letter, for a single check).
 */
export function checkSuggestionAttribution(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  author: SuggestionAuthor,
  bodyField: string,
  now = Date.now(),
  checkCopies: (update: Uint8Array, ids: ReadonlySet<string>) => void = (update, ids) => withFreshGuard(doc, bodyField, (guard) => guard.checkCopies(update, ids)),
): void {
  let stored: Map<string, string> | null = null;
  const { copied } = readSuggestionWrites(doc, decoded, author, (id) => (stored ??= storedSuggestions(doc, bodyField)).get(id), now);
  if (copied.size > 0) checkCopies(decoded.update, copied);
}

type Run = [text: string, marks: string];

/**
 * A paragraph's words as they would read if `author`'s own open suggestions were withdrawn: their
 * proposed insertions left out, their deletion marks taken off. Everything else counts, marks
 * included (with their attributes).
 */
function withoutOwnSuggestions(content: readonly InlineJson[], authorId: string): Run[] {
  const runs: Run[] = [];
  for (const inline of content) {
    const marks = inline.marks ?? [];
    const isOwn = (type: string) => marks.some((mark) => mark.type === type && mark.attrs?.['authorId'] === authorId);
    if (isOwn(SuggestionKind.insertion)) continue;
    const kept = marks
      .filter((mark) => !(mark.type === SuggestionKind.deletion && mark.attrs?.['authorId'] === authorId))
      .map((mark) => JSON.stringify([mark.type, mark.attrs ?? {}]))
      .sort()
      .join('|');
    const text = inline.type === 'text' ? (inline.text ?? '') : `\u0000${inline.type}`;
    const last = runs.at(-1);
    if (last && last[1] === kept) last[0] += text;
    else runs.push([text, kept]);
  }
  return runs;
}

/** The body with every paragraph's words as `withoutOwnSuggestions` reads them. */
function projectBody(node: BodyNodeJson, authorId: string): unknown {
  const { content = [], ...rest } = node as { content?: unknown[] };
  if ((textBlockTypes as readonly string[]).includes(node.type ?? '')) {
    return { ...rest, words: withoutOwnSuggestions(content as InlineJson[], authorId) };
  }
  return { ...rest, content: content.map((child) => projectBody(child as BodyNodeJson, authorId)) };
}

/** What to check of an update on the kept copy (see `SuggestionGuard.admit`). */
interface CopyChecks {
  /** A suggest-only sender: the update may change nothing but this author's own suggestions. */
  suggestOnly?: SuggestionAuthor;
  /** Others' suggestions the update copies: it may move their words, never add to them. */
  copied?: ReadonlySet<string>;
  /** Suggestions the update opens: they must fit the limits of their paragraph and of the letter. */
  added?: ReadonlySet<string>;
}

/**
 * The checks of rule S13 that need the letter as the update would leave it, made on a copy of the
 * letter kept for the room:
 *
 * - a suggest-only connection (it may suggest but not edit) changes nothing but suggestions of its
 *   own: it adds text marked as its own proposed insertion, puts its own deletion marks over text,
 *   and takes back (deletes, unmarks) its own suggestions. The copy before and after the update
 *   must read the same with the author's own suggestions withdrawn: structure, attributes, words
 *   and others' marks alike;
 * - a copy of someone else's suggestion (a paragraph split or joined across it) may move its words,
 *   never add to them: otherwise an editor could put words of their own under someone else's name;
 * - a new suggestion must fit the limits of open suggestions per paragraph and per letter (4413).
 *
 * The copy follows every change of the letter, so that an update does not cost a copy of the whole
 * letter; after a refusal it holds what the letter does not, and is dropped (see `discard`). What
 * each top-level block holds (its reading per author, its suggestions) is kept until a change
 * touches the block, and the words of copied suggestions are counted in the blocks the update
 * touches only, so that an update costs the blocks it changes, not the whole letter.
 */
export class SuggestionGuard {
  private copy: Y.Doc | null = null;
  private readings = new WeakMap<Y.XmlElement, Map<string, string>>();
  private facts = new WeakMap<Y.XmlElement, BlockFacts>();
  /** Which top-level blocks hold each suggestion, for the blocks whose facts are known. */
  private holders = new Map<string, Set<Y.XmlElement>>();
  /** Blocks changed since their facts were read. */
  private dirty = new Set<Y.XmlElement>();
  /** Blocks were added to the body or taken out of it since its blocks were last looked through. */
  private bodyChanged = true;

  constructor(
    private readonly doc: Y.Doc,
    private readonly bodyField: string,
    private readonly limits: SuggestionLimits = defaultSuggestionLimits,
  ) {
    doc.on('update', this.follow);
  }

  private readonly follow = (update: Uint8Array): void => {
    // Yjs skips what the copy holds already (the update it was checked with).
    if (this.copy) Y.applyUpdate(this.copy, update);
  };

  /** Forgets what it knew of every top-level block a transaction on the copy changed. */
  private readonly forgetChanged = (transaction: Y.Transaction): void => {
    const body = this.copy?.getXmlFragment(this.bodyField);
    for (const changed of transaction.changed.keys()) {
      let type: Y.AbstractType<unknown> | null = changed as Y.AbstractType<unknown>;
      while (type && type._item && type._item.parent !== body) type = type._item.parent as Y.AbstractType<unknown>;
      if (type === body) this.bodyChanged = true;
      if (!(type instanceof Y.XmlElement)) continue;
      this.readings.delete(type);
      const known = this.facts.get(type);
      if (!known) continue;
      this.facts.delete(type);
      this.dirty.add(type);
      for (const id of known.signatures.keys()) this.holders.get(id)?.delete(type);
    }
  };

  /**
   * Every check of rule S13 on an update from `author` before it is applied: attribution
   * (`readSuggestionWrites`) and, where the update needs them, the checks on the kept copy. An
   * update that writes no suggestion mark, from a connection that may edit, costs a look at its structs.
   */
  admit(decoded: DecodedUpdate, author: SuggestionAuthor, canEdit: boolean, now = Date.now()): void {
    const writes = readSuggestionWrites(this.doc, decoded, author, (id) => this.storedSuggestion(id), now);
    // What a reconnecting suggester resends (the server has it already) changes nothing on the copy: it passes.
    const suggestOnly = canEdit ? undefined : author;
    // A suggest-only sender's copies of others' suggestions are covered by the reading of everything it changes.
    const copied = canEdit ? writes.copied : undefined;
    if (!suggestOnly && !copied?.size && writes.added.size === 0) return;
    this.checkOnCopy(decoded, { ...(suggestOnly ? { suggestOnly } : {}), ...(copied?.size ? { copied } : {}), added: writes.added });
  }

  /** Throws a 4403 violation unless `update` changes only `author`'s own suggestions. */
  check(update: Uint8Array, author: SuggestionAuthor): void {
    this.checkOnCopy(decodeIncomingUpdate(update), { suggestOnly: author });
  }

  /** Throws a 4403 violation if `update` adds words to any of the suggestions named in `ids`. */
  checkCopies(update: Uint8Array, ids: ReadonlySet<string>): void {
    this.checkOnCopy(decodeIncomingUpdate(update), { copied: ids });
  }

  /** Applies the update to the kept copy and makes `checks` on it; the copy then holds it, as the letter will. */
  private checkOnCopy(decoded: DecodedUpdate, checks: CopyChecks): void {
    const copy = this.keptCopy();
    const touched = TouchedBlocks.of(copy, decoded, this.bodyField);
    const readingBefore = checks.suggestOnly ? this.projected(checks.suggestOnly.userId) : null;
    const wordsBefore = checks.copied ? wordsOfSuggestions(touched.before, checks.copied) : null;
    Y.applyUpdate(copy, decoded.update);
    try {
      if (readingBefore && !sameReadings(readingBefore, this.projected(checks.suggestOnly!.userId))) {
        throw forbidden('this connection may only suggest: the update changes more than its own suggestions');
      }
      if (!wordsBefore && !checks.added?.size) return;
      const after = touched.after();
      if (wordsBefore && addsWords(wordsBefore, wordsOfSuggestions(after, checks.copied!))) {
        throw forbidden('the update puts words under someone else’s suggestion');
      }
      if (checks.added?.size) this.checkLimits(after, checks.added);
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  /** A new suggestion may not take a paragraph or the letter past its limit of open suggestions. */
  private checkLimits(blocks: readonly Y.XmlElement[], added: ReadonlySet<string>): void {
    const { maxOpenPerParagraph, maxOpenPerLetter } = this.limits;
    for (const block of blocks) {
      for (const ids of this.factsOf(block).byParagraph.values()) {
        if (ids.size > maxOpenPerParagraph && Array.from(added).some((id) => ids.has(id))) {
          throw new UpdateRefusal(RefusalKind.tooLarge, `a paragraph would hold more than ${maxOpenPerParagraph} open suggestions`);
        }
      }
    }
    this.refresh();
    let open = 0;
    for (const blocks of this.holders.values()) if (Array.from(blocks).some((block) => !block._item?.deleted)) open++;
    if (open > maxOpenPerLetter) throw new UpdateRefusal(RefusalKind.tooLarge, `the letter would hold more than ${maxOpenPerLetter} open suggestions`);
  }

  /** What `block` holds; read once until a change touches it. */
  private factsOf(block: Y.XmlElement): BlockFacts {
    let known = this.facts.get(block);
    if (known) return known;
    this.facts.set(block, (known = blockFacts(block)));
    this.dirty.delete(block);
    for (const id of known.signatures.keys()) {
      let blocks = this.holders.get(id);
      if (!blocks) this.holders.set(id, (blocks = new Set()));
      blocks.add(block);
    }
    return known;
  }

  /** Reads the blocks changed or added since the last look, so that `holders` covers the whole letter. */
  private refresh(): void {
    if (this.bodyChanged) {
      for (const block of this.keptCopy().getXmlFragment(this.bodyField).toArray()) {
        if (block instanceof Y.XmlElement && !this.facts.has(block)) this.dirty.add(block);
      }
      this.bodyChanged = false;
    }
    for (const block of this.dirty) if (!block._item?.deleted) this.factsOf(block);
    this.dirty.clear();
  }

  /** A suggestion of the letter (the kept copy, the same as the letter between updates) as `signature` writes it. */
  private storedSuggestion(id: string): string | undefined {
    this.keptCopy();
    this.refresh();
    for (const block of this.holders.get(id) ?? []) {
      if (!block._item?.deleted) return this.factsOf(block).signatures.get(id);
    }
    return undefined;
  }

  /** The copy's body as `withoutOwnSuggestions` reads it for `authorId`, one string per top-level block. */
  private projected(authorId: string): (string | null)[] {
    const blocks = this.copy!.getXmlFragment(this.bodyField).toArray();
    return blocks.map((block) => {
      if (!(block instanceof Y.XmlElement)) return null;
      let byAuthor = this.readings.get(block);
      if (!byAuthor) this.readings.set(block, (byAuthor = new Map()));
      let reading = byAuthor.get(authorId);
      if (reading === undefined) byAuthor.set(authorId, (reading = JSON.stringify(projectBody(letterBodyJson(block), authorId))));
      return reading;
    });
  }

  private keptCopy(): Y.Doc {
    if (!this.copy) {
      this.copy = new Y.Doc({ gc: false });
      Y.applyUpdate(this.copy, Y.encodeStateAsUpdate(this.doc));
      this.copy.on('afterTransaction', this.forgetChanged);
    }
    return this.copy;
  }

  /** The update last checked was not applied to the letter after all: the copy no longer matches it. */
  discard(): void {
    this.copy?.destroy();
    this.copy = null;
    this.readings = new WeakMap();
    this.facts = new WeakMap();
    this.holders = new Map();
    this.dirty = new Set();
    this.bodyChanged = true;
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.discard();
  }
}

const sameReadings = (before: readonly (string | null)[], after: readonly (string | null)[]) =>
  before.length === after.length && before.every((reading, index) => reading === after[index]);

function withFreshGuard(doc: Y.Doc, bodyField: string, check: (guard: SuggestionGuard) => void): void {
  const guard = new SuggestionGuard(doc, bodyField);
  try {
    check(guard);
  } finally {
    guard.destroy();
  }
}

/** `SuggestionGuard.check` on a fresh copy, for a single check. */
export function checkSuggestOnlyUpdate(doc: Y.Doc, update: Uint8Array, author: SuggestionAuthor, bodyField: string): void {
  withFreshGuard(doc, bodyField, (guard) => guard.check(update, author));
}

