import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { textBlockTypes } from './editor-extensions.js';
import { letterSchema } from './letter-schema.js';
import { paragraphHash, type TextBlockJson } from './paragraph-hash.js';

export interface SignatoryLine {
  officeId: string;
  signerName: string;
  capacity: string;
}

/** A node of a letter body as ProseMirror JSON: what the editor and the exports hold, and what `letterBodyJson` reads from Yjs. */
export interface BodyNodeJson {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: BodyNodeJson[];
}

const isTextBlock = (type: string | undefined) => (textBlockTypes as readonly string[]).includes(type ?? '');

/** Every attribute the letter schema gives a node, with the schema's default for one the node lacks. */
function layoutAttributes(node: BodyNodeJson): [string, unknown][] {
  const declared = (letterSchema().nodes[node.type ?? '']?.spec.attrs ?? {}) as Record<string, { default?: unknown }>;
  return Object.keys(declared)
    .sort()
    .map((key) => [key, node.attrs?.[key] ?? declared[key]?.default ?? null]);
}

/**
 * The body's layout with each paragraph standing as its hash: which paragraphs share a list, the
 * kind of list, where its numbering starts and how deep it is nested. Paragraph approvals bind to
 * words (S2); a signature binds to this too, so that moving approved paragraphs into or out of a
 * list, or renumbering one, gives another letter hash.
 */
export function letterOutline(node: BodyNodeJson): unknown {
  if (isTextBlock(node.type)) return paragraphHash(node as TextBlockJson);
  return [node.type ?? null, layoutAttributes(node), (node.content ?? []).map(letterOutline)];
}

/**
 * The hash a final signature binds to: the body's outline (its paragraphs' hashes in reading order
 * and the lists around them) plus the signatories in signing order. Any change to the text, its
 * layout or who signs gives another hash.
 */
export function letterHash(body: BodyNodeJson, signatories: readonly SignatoryLine[]): string {
  const canonical = JSON.stringify([
    letterOutline(body),
    signatories.map((s) => [s.officeId, s.signerName.normalize('NFC'), s.capacity.normalize('NFC')]),
  ]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
