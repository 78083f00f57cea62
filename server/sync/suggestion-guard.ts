import * as Y from 'yjs';
import { textBlockTypes } from '../../shared/domain/editor-extensions.js';
import type { BodyNodeJson } from '../../shared/domain/letter-hash.js';
import type { InlineJson } from '../../shared/domain/paragraph-hash.js';
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
import type { DecodedUpdate } from './update-guard.js';
import { RefusalKind, UpdateRefusal } from './update-refusal.js';

const forbidden = (message: string) => new ProtocolViolation(CloseCode.forbidden, message);

/** The attributes of a suggestion as one comparable string, whatever order its keys came in. */
const signature = (kind: string, value: unknown): string => {
  const parsed = suggestionAttributesSchema.safeParse(value);
  if (!parsed.success) return `${kind}|${JSON.stringify(value)}`;
  const { id, authorId, authorName, officeId, time } = parsed.data;
  return `${kind}|${JSON.stringify({ id, authorId, authorName, officeId, time })}`;
};

/** Every suggestion the body holds now: its kind and attributes, by id. */
function storedSuggestions(doc: Y.Doc, bodyField: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as { attributes?: Record<string, unknown> }[]) {
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          if (isSuggestionMark(key)) found.set(String((value as { id?: unknown }).id), signature(key, value));
        }
      }
    }
  };
  visit(doc.getXmlFragment(bodyField));
  return found;
}

/**
 * Attribution of suggestions is the server's (rule S13, invariant 6): every suggestion mark an
 * update writes must be well-formed, not dated ahead of the server's clock, and carry the author,
 * name and office of the connection that sends it. The one exception is a copy of a suggestion the
 * letter holds already, unchanged (an editor splitting a paragraph that holds someone's proposal
 * rewrites its formatting), which claims nothing new. An id names one suggestion: a mark that
 * re-uses the id of another one (someone else's, or of the other kind) is refused, since deciding
 * on one would decide on both. Checked on the update's structs before it is applied.
 */
export function checkSuggestionAttribution(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  author: SuggestionAuthor,
  bodyField: string,
  now = Date.now(),
  checkCopies: (update: Uint8Array, ids: ReadonlySet<string>) => void = (update, ids) => checkCopiesAddNoWords(doc, update, ids, bodyField),
): void {
  let stored: Map<string, string> | null = null;
  const copied = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    const { key, value } = struct.content;
    if (!isSuggestionMark(key) || value === null) continue;
    const parsed = suggestionAttributesSchema.safeParse(value);
    if (!parsed.success) throw new UpdateRefusal(RefusalKind.schema, `the "${key}" mark is not a well-formed suggestion`);
    const attrs = parsed.data;
    stored ??= storedSuggestions(doc, bodyField);
    const known = stored.get(attrs.id);
    const written = signature(key, attrs);
    if (known === written) {
      if (attrs.authorId !== author.userId) copied.add(attrs.id);
      continue;
    }
    if (known !== undefined) throw forbidden('the update re-uses the id of another suggestion');
    if (attrs.authorId !== author.userId || attrs.officeId !== author.officeId || attrs.authorName !== author.name) {
      throw forbidden('the update writes a suggestion in the name of someone else');
    }
    if (isDatedAhead(attrs.time, now)) throw new UpdateRefusal(RefusalKind.schema, `the "${key}" mark is dated in the future`);
    // Later marks of this update under the same id must be this very suggestion.
    stored.set(attrs.id, written);
  }
  if (copied.size > 0) checkCopies(decoded.update, copied);
}

/** How often each character occurs in the words of each suggestion named in `ids`, across the body. */
function wordsOfSuggestions(doc: Y.Doc, bodyField: string, ids: ReadonlySet<string>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        const words = typeof op.insert === 'string' ? op.insert : '\u0000';
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          const id = isSuggestionMark(key) ? String((value as { id?: unknown }).id) : null;
          if (id === null || !ids.has(id)) continue;
          let byCharacter = counts.get(id);
          if (!byCharacter) counts.set(id, (byCharacter = new Map()));
          for (const character of words) byCharacter.set(character, (byCharacter.get(character) ?? 0) + 1);
        }
      }
    }
  };
  visit(doc.getXmlFragment(bodyField));
  return counts;
}

/**
 * A copy of someone else's suggestion (a paragraph split or joined across it) may move its words,
 * never add to them: otherwise an editor could put words of their own under someone else's name.
 * Checked on a copy of the letter, only for updates that copy someone else's suggestion.
 */
function checkCopiesAddNoWords(doc: Y.Doc, update: Uint8Array, ids: ReadonlySet<string>, bodyField: string): void {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = wordsOfSuggestions(copy, bodyField, ids);
    Y.applyUpdate(copy, update);
    if (addsWords(before, wordsOfSuggestions(copy, bodyField, ids))) throw forbidden('the update puts words under someone else’s suggestion');
  } finally {
    copy.destroy();
  }
}

/** Whether any suggestion holds a character more often after than before. */
function addsWords(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): boolean {
  for (const [id, counts] of after) {
    const had = before.get(id);
    for (const [character, count] of counts) if (count > (had?.get(character) ?? 0)) return true;
  }
  return false;
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

/**
 * A suggest-only connection (it may suggest but not edit) changes nothing but suggestions of its
 * own: it adds text marked as its own proposed insertion, puts its own deletion marks over text,
 * and takes back (deletes, unmarks) its own suggestions (rule S13). Checked by applying the update
 * to a copy of the letter and comparing both with the author's own suggestions withdrawn: they
 * must read the same, structure, attributes, words and others' marks alike.
 *
 * The copy is kept for the room and follows every change of the letter, so that a keystroke does
 * not cost a copy of the whole letter; after a refusal it holds what the letter does not, and is
 * dropped (see `discard`). The reading of each top-level block is kept too, per author, until a
 * change touches the block, so that a keystroke costs the blocks it changes, not the whole letter.
 */
export class SuggestOnlyGuard {
  private copy: Y.Doc | null = null;
  private readings = new WeakMap<Y.XmlElement, Map<string, string>>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly bodyField: string,
  ) {
    doc.on('update', this.follow);
  }

  private readonly follow = (update: Uint8Array): void => {
    // Yjs skips what the copy holds already (the update it was checked with).
    if (this.copy) Y.applyUpdate(this.copy, update);
  };

  /** Forgets the reading of every top-level block a transaction on the copy changed. */
  private readonly forgetChanged = (transaction: Y.Transaction): void => {
    const body = this.copy?.getXmlFragment(this.bodyField);
    for (const changed of transaction.changed.keys()) {
      let type: Y.AbstractType<unknown> | null = changed as Y.AbstractType<unknown>;
      while (type && type._item && type._item.parent !== body) type = type._item.parent as Y.AbstractType<unknown>;
      if (type instanceof Y.XmlElement) this.readings.delete(type);
    }
  };

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

  /** Throws a 4403 violation unless `update` changes only `author`'s own suggestions. */
  check(update: Uint8Array, author: SuggestionAuthor): void {
    const copy = this.keptCopy();
    const before = this.projected(author.userId);
    Y.applyUpdate(copy, update);
    const after = this.projected(author.userId);
    if (before.length === after.length && before.every((reading, index) => reading === after[index])) return;
    this.discard();
    throw forbidden('this connection may only suggest: the update changes more than its own suggestions');
  }

  /**
   * `checkCopiesAddNoWords` on the kept copy, so that an editor who keeps sending copies of
   * someone's suggestion does not cost a copy of the whole letter each time. The copy then holds
   * `update`, as the letter will once it is applied.
   */
  checkCopies(update: Uint8Array, ids: ReadonlySet<string>): void {
    const copy = this.keptCopy();
    const before = wordsOfSuggestions(copy, this.bodyField, ids);
    Y.applyUpdate(copy, update);
    if (addsWords(before, wordsOfSuggestions(copy, this.bodyField, ids))) {
      this.discard();
      throw forbidden('the update puts words under someone else’s suggestion');
    }
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
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.discard();
  }
}

/** `SuggestOnlyGuard.check` on a fresh copy, for a single check. */
export function checkSuggestOnlyUpdate(doc: Y.Doc, update: Uint8Array, author: SuggestionAuthor, bodyField: string): void {
  const guard = new SuggestOnlyGuard(doc, bodyField);
  try {
    guard.check(update, author);
  } finally {
    guard.destroy();
  }
}
