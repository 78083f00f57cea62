import * as Y from 'yjs';
import { z } from 'zod';
import type { InlineJson, TextBlockJson } from './paragraph-hash.js';
import { SuggestionKind, isSuggestionMark, suggestionMarkNames } from './suggestion-marks.js';
import { findReorderingCharacter } from './text-policy.js';

export { SuggestionKind, isSuggestionMark, suggestionMarkNames } from './suggestion-marks.js';

/** A suggestion id: a short token, one per proposal (consecutive keystrokes share one). */
const suggestionIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;

/** The longest note a suggestion carries (`note` below). */
export const suggestionNoteLength = 300;

/**
 * Characters XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF) and UTF-16 halves without their
 * other half. A suggestion's attributes become Word's tracked-change author and a PDF's appendix,
 * so they may hold none of them.
 */
const xmlIllegalPattern = /[\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Whether `text` holds a character that XML cannot carry (see `xmlIllegalPattern`). */
export const holdsXmlIllegalCharacter = (text: string): boolean => xmlIllegalPattern.test(text);

/** A string attribute of a suggestion: not empty, at most `max` UTF-16 code units, nothing XML cannot carry. */
function suggestionText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !holdsXmlIllegalCharacter(text), 'holds a character XML cannot carry');
}

/**
 * What a suggestion mark carries. The author and office are those of the connection that wrote
 * it (the server refuses anything else); the name is kept so that hover and the side list can say
 * who proposed it; the time is when it was proposed, as the proposer's browser saw it.
 */
export const suggestionAttributesSchema = z.strictObject({
  id: z.string().regex(suggestionIdPattern),
  authorId: suggestionText(64),
  authorName: suggestionText(200),
  officeId: suggestionText(64),
  time: z.iso.datetime().max(40),
  /**
   * Where the suggestion came from when nobody typed it here: a Word import keeps the tracked
   * change's author in it ("Tracked change in Word by …"). Plain text, one line, bounded; absent
   * (or null, as the editor writes an unset attribute) for typed suggestions.
   */
  note: z
    .string()
    .max(suggestionNoteLength)
    .refine((value) => !holdsXmlIllegalCharacter(value) && !/[\u007f-\u009f]/.test(value) && findReorderingCharacter(value) === null, 'must not contain control characters')
    .nullish(),
});
export type SuggestionAttributes = z.infer<typeof suggestionAttributesSchema>;

/**
 * How far ahead of the server's clock a new suggestion's time may be (the proposer's clock may run
 * a little fast); a later time is a forgery that would sort it after every real one.
 */
export const suggestionClockSkewMs = 5 * 60_000;

/** Whether `time` (an ISO date-time) lies further ahead of `now` than `suggestionClockSkewMs` allows. */
export function isDatedAhead(time: string, now: number): boolean {
  return Date.parse(time) > now + suggestionClockSkewMs;
}

/** Who proposes: the person and office of this connection. */
export interface SuggestionAuthor {
  userId: string;
  name: string;
  officeId: string;
}

/** A fresh suggestion id. */
export function newSuggestionId(): string {
  return globalThis.crypto.randomUUID();
}

/** The attributes of a new suggestion by `author`. */
export function newSuggestionAttributes(author: SuggestionAuthor, now: Date = new Date()): SuggestionAttributes {
  return { id: newSuggestionId(), authorId: author.userId, authorName: author.name, officeId: author.officeId, time: now.toISOString() };
}

/** One open suggestion of a paragraph, with the words it proposes to add or remove. */
export interface OpenSuggestion extends SuggestionAttributes {
  kind: SuggestionKind;
  paragraphId: string;
  text: string;
}

/** The suggestion marks on an inline run, read leniently (what the guard let in is well-formed). */
function suggestionsOn(inline: InlineJson): { kind: SuggestionKind; attrs: SuggestionAttributes }[] {
  const found: { kind: SuggestionKind; attrs: SuggestionAttributes }[] = [];
  for (const mark of inline.marks ?? []) {
    if (!isSuggestionMark(mark.type)) continue;
    const parsed = suggestionAttributesSchema.safeParse(mark.attrs);
    if (parsed.success) found.push({ kind: mark.type, attrs: parsed.data });
  }
  return found;
}

/** The open suggestions of a paragraph, in reading order, the words of each run joined. */
export function openSuggestions(paragraphId: string, block: TextBlockJson): OpenSuggestion[] {
  const byKey = new Map<string, OpenSuggestion>();
  for (const inline of block.content ?? []) {
    for (const { kind, attrs } of suggestionsOn(inline)) {
      const key = `${kind}:${attrs.id}`;
      const text = inline.type === 'hardBreak' ? '\n' : (inline.text ?? '');
      const known = byKey.get(key);
      if (known) known.text += text;
      else byKey.set(key, { ...attrs, kind, paragraphId, text });
    }
  }
  return Array.from(byKey.values());
}

/** What to do with suggestions: accept or reject (people who edit), withdraw (their author). */
export const SuggestionDecision = { accept: 'accept', reject: 'reject', withdraw: 'withdraw' } as const;
export type SuggestionDecision = (typeof SuggestionDecision)[keyof typeof SuggestionDecision];

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

/**
 * Settles the suggestions named in `ids` inside one paragraph stored in Yjs: accepting an
 * insertion keeps its words and drops the mark, accepting a deletion removes the words; rejecting
 * (or withdrawing) does the opposite. Returns how many runs it changed.
 */
export function settleSuggestions(paragraph: Y.XmlElement, ids: ReadonlySet<string>, decision: SuggestionDecision): number {
  let changed = 0;
  for (const child of paragraph.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    const runs: { index: number; length: number; kind: SuggestionKind }[] = [];
    let index = 0;
    for (const op of child.toDelta() as DeltaOp[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      for (const kind of suggestionMarkNames as SuggestionKind[]) {
        const attrs = op.attributes?.[kind] as { id?: unknown } | undefined;
        if (attrs && typeof attrs.id === 'string' && ids.has(attrs.id)) runs.push({ index, length, kind });
      }
      index += length;
    }
    // From the end, so that earlier positions stay where they are.
    for (const run of runs.reverse()) {
      const keepsWords = (run.kind === SuggestionKind.insertion) === (decision === SuggestionDecision.accept);
      if (keepsWords) child.format(run.index, run.length, { [run.kind]: null });
      else child.delete(run.index, run.length);
      changed++;
    }
  }
  return changed;
}

/** Open suggestions per office in one paragraph, for the gutter and the sign-off grid. */
export function countByOffice(suggestions: readonly OpenSuggestion[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const suggestion of suggestions) counts[suggestion.officeId] = (counts[suggestion.officeId] ?? 0) + 1;
  return counts;
}

/**
 * Rule S13: a paragraph with open suggestions cannot be approved, and the letter is not ready
 * while any paragraph has one. The paragraphs (by number) that block, for a 409 that names them.
 */
export function paragraphsWithOpenSuggestions(paragraphs: readonly { number: number; suggestions?: readonly OpenSuggestion[] }[]): number[] {
  return paragraphs.filter((paragraph) => (paragraph.suggestions?.length ?? 0) > 0).map((paragraph) => paragraph.number);
}

/** How a 409 names the paragraphs with open suggestions. */
export function describeOpenSuggestions(numbers: readonly number[]): string {
  const which = numbers.length === 1 ? `Paragraph ${numbers[0]} has` : `Paragraphs ${numbers.join(', ')} have`;
  return `${which} open suggestions: accept or reject them first.`;
}
