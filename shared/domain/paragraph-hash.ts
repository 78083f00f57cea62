import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { letterSchema } from './letter-schema.js';

/** A textblock as ProseMirror JSON (`node.toJSON()`), the form both client and server can produce. */
export interface TextBlockJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: InlineJson[];
}

export interface InlineJson {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** One run of text with the marks on it, in canonical order. */
type CanonicalRun = [text: string, marks: string[]];

/** Block attributes that change what a reader sees. Ids and layout hints are left out on purpose. */
const visibleBlockAttributes: Record<string, readonly string[]> = { heading: ['level'] };

/**
 * Mark attributes that change what a reader sees: a link's target, not its rel or class; which
 * suggestion, by whom and which office (rule S13: a paragraph with suggestions hashes otherwise
 * than the same words without them, and one office's proposal otherwise than another's).
 */
const visibleMarkAttributes: Record<string, readonly string[]> = {
  link: ['href'],
  suggestedInsertion: ['id', 'authorId', 'officeId'],
  suggestedDeletion: ['id', 'authorId', 'officeId'],
};

function canonicalMark(mark: { type: string; attrs?: Record<string, unknown> }): string {
  const keys = visibleMarkAttributes[mark.type] ?? [];
  const values = keys.map((key) => JSON.stringify(mark.attrs?.[key] ?? null));
  return values.length > 0 ? `${mark.type}(${values.join(',')})` : mark.type;
}

function canonicalRuns(content: readonly InlineJson[]): CanonicalRun[] {
  const runs: CanonicalRun[] = [];
  for (const inline of content) {
    // A hard break is a line break inside the paragraph; "\n" cannot occur in a text node.
    const text = inline.type === 'hardBreak' ? '\n' : (inline.text ?? '').normalize('NFC');
    if (text.length === 0) continue;
    const marks = (inline.marks ?? []).map(canonicalMark).sort();
    const last = runs.at(-1);
    if (last && last[1].join('|') === marks.join('|')) last[0] = (last[0] + text).normalize('NFC');
    else runs.push([text, marks]);
  }
  return runs;
}

/**
 * The canonical form of a paragraph: block type, visible attributes, text in Unicode NFC and
 * its marks, with adjacent runs of equal marks merged. Ids, cursors and mark order do not count.
 */
export function canonicalParagraph(block: TextBlockJson): string {
  const attributeKeys = visibleBlockAttributes[block.type] ?? [];
  // A value the stored text leaves out is the schema's default, which is what the editor shows.
  const declared = (letterSchema().nodes[block.type]?.spec.attrs ?? {}) as Record<string, { default?: unknown }>;
  const attributes = attributeKeys.map((key) => [key, block.attrs?.[key] ?? declared[key]?.default ?? null]);
  return JSON.stringify([block.type, attributes, canonicalRuns(block.content ?? [])]);
}

/** The hex SHA-256 of a text's UTF-8 bytes. */
export type Sha256Hex = (text: string) => string;

/** SHA-256 in JavaScript, the same in the browser and on the server. */
export const portableSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * The hex SHA-256 of a paragraph's canonical form: what an approval binds to. The server passes
 * its native SHA-256, which gives the same digest for the same canonical form.
 */
export function paragraphHash(block: TextBlockJson, sha256Hex: Sha256Hex = portableSha256Hex): string {
  return sha256Hex(canonicalParagraph(block));
}
