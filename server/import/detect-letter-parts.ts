import type { JSONContent } from '@tiptap/core';
import type { DetectedSignatory } from '../../shared/api/interchange.js';
import type { Office } from '../../shared/api/offices.js';
import { blockText } from '../../shared/domain/block-text.js';
import { exportLabelPatterns } from './export-label-patterns.js';

/**
 * The parts of an imported file that belong to the letter's record rather than its text, with the
 * top-level blocks they occupy. Only what is clearly recognisable is found; the rest stays text.
 */
export interface LetterParts {
  /**
   * The first level-1 heading; without one, the heading or the line that opens the text. `index` is
   * the block it takes out of the body, null when it is the first line of a longer paragraph.
   */
  title: { text: string; index: number | null } | null;
  subject: { text: string; index: number } | null;
  /** An export's "Date:" line: the letter's date as it was printed, not text to draft. */
  date: { text: string; index: number } | null;
  /** Offices named at the very top, as a letterhead does: one per line, or one paragraph each. */
  letterhead: { officeIds: string[]; indexes: number[] } | null;
  addressees: { lines: string[]; indexes: number[] } | null;
  /** Signature blocks at the end, each matched to one office, in signing order. */
  signatures: { signatories: DetectedSignatory[]; indexes: number[] } | null;
  /** An exported letter's record of final signatures, from its heading to the end. */
  signatureRecord: { indexes: number[] } | null;
}

// The labels an export prints, in every letter language (read from the shared catalogues).
const { addressees: addresseeLabel, subject: subjectLabel, date: dateLabel, signatureRecord: signatureRecordHeading } = exportLabelPatterns;
const salutation = /^(?:dear|excellenc|madam|sir)\b/i;
/** A block this long is prose, never an addressee line or a signature. */
const maxLineLength = 160;
const maxSignatureLines = 5;
const maxLooseAddressees = 12;
/** The longest title a letter has (letterDetailLimits.titleLength). */
const maxTitleLength = 200;

const fold = (value: string) => value.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
const linesOf = (block: JSONContent) => blockText(block).split('\n').map((line) => line.trim()).filter(Boolean);
const isParagraph = (block: JSONContent | undefined) => block?.type === 'paragraph';
const isList = (block: JSONContent | undefined) => block?.type === 'bulletList' || block?.type === 'orderedList';

/** Finds title, subject, letterhead, addressees and signature blocks among a body's top-level blocks. */
export function detectLetterParts(blocks: readonly JSONContent[], offices: readonly Office[]): LetterParts {
  const parts: LetterParts = { title: null, subject: null, date: null, letterhead: null, addressees: null, signatures: null, signatureRecord: null };
  let index = 0;
  const hasTitleHeading = blocks.some((block) => block.type === 'heading' && block.attrs?.['level'] === 1);
  // The head of a letter: letterhead, addressees, title and subject, in any order, until the first other block.
  while (index < blocks.length) {
    const block = blocks[index]!;
    if (index === 0) {
      parts.letterhead = letterheadAt(blocks, offices);
      if (parts.letterhead) {
        index = parts.letterhead.indexes.length;
        continue;
      }
    }
    if (!parts.addressees && isParagraph(block)) {
      const found = addresseesAt(blocks, index);
      if (found) {
        parts.addressees = found;
        index = Math.max(...found.indexes) + 1;
        continue;
      }
    }
    if (!parts.title && block.type === 'heading' && block.attrs?.['level'] === 1) {
      parts.title = { text: blockText(block).replace(/\n/g, ' ').trim(), index };
      index++;
      continue;
    }
    if (!parts.title && !hasTitleHeading && isOpeningTitle(block)) {
      parts.title = { text: shortened(linesOf(block).join(' ')), index };
      index++;
      continue;
    }
    const subject = isParagraph(block) ? subjectLabel.exec(blockText(block).trim()) : null;
    if (!parts.subject && subject && !subject[1]!.includes('\n')) {
      parts.subject = { text: subject[1]!.trim(), index };
      index++;
      continue;
    }
    const date = isParagraph(block) ? dateLabel.exec(blockText(block).trim()) : null;
    if (!parts.date && date && !date[1]!.includes('\n')) {
      parts.date = { text: date[1]!.trim(), index };
      index++;
      continue;
    }
    break;
  }
  if (!parts.title && !hasTitleHeading) parts.title = openingTitle(blocks[index]);
  const recordStart = blocks.findIndex((block, at) => at >= index && block.type === 'heading' && signatureRecordHeading.test(blockText(block).trim()));
  if (recordStart >= 0) parts.signatureRecord = { indexes: blocks.slice(recordStart).map((_, offset) => recordStart + offset) };
  parts.signatures = signaturesFrom(blocks.slice(0, recordStart >= 0 ? recordStart : blocks.length), index, offices);
  return parts;
}

/**
 * Without a level-1 heading, a heading of another level or a paragraph of one short line (not a
 * salutation, subject or addressee label) at the head of the file is its title, and leaves the body.
 */
function isOpeningTitle(block: JSONContent): boolean {
  if (block.type === 'heading') return true;
  const lines = linesOf(block);
  const line = lines[0] ?? '';
  return isParagraph(block) && lines.length === 1 && line.length <= maxTitleLength && !salutation.test(line) && !subjectLabel.test(line) && !addresseeLabel.test(line) && !dateLabel.test(line);
}

/** A file that opens with prose: its opening words name the letter, and stay in the text. */
function openingTitle(block: JSONContent | undefined): LetterParts['title'] {
  if (!isParagraph(block)) return null;
  const text = linesOf(block!).join(' ');
  // "Dear Commissioner, …" names nobody's letter: the preview falls back to the file name.
  return text && !salutation.test(text) ? { text: shortened(text), index: null } : null;
}

/** At most the longest title, cut at a word. */
function shortened(text: string): string {
  if (text.length <= maxTitleLength) return text;
  const cut = text.slice(0, maxTitleLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxTitleLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The blocks with those at `indexes` left out. */
export function withoutBlocks(blocks: readonly JSONContent[], indexes: readonly number[]): JSONContent[] {
  const leftOut = new Set(indexes);
  return blocks.filter((_, index) => !leftOut.has(index));
}

/** Leading paragraphs whose every line names an office in its own language (or is an English office name). */
function letterheadAt(blocks: readonly JSONContent[], offices: readonly Office[]): LetterParts['letterhead'] {
  const officeIds: string[] = [];
  const indexes: number[] = [];
  const englishNames = new Set(offices.map((office) => fold(office.nameEn)));
  for (let index = 0; index < blocks.length && isParagraph(blocks[index]); index++) {
    const found: string[] = [];
    for (const line of linesOf(blocks[index]!)) {
      const matches = offices.filter((office) => fold(line).includes(fold(office.name)));
      if (matches.length === 1 && ![...officeIds, ...found].includes(matches[0]!.id)) found.push(matches[0]!.id);
      else if (!englishNames.has(fold(line))) return officeIds.length > 0 ? { officeIds, indexes } : null;
    }
    if (found.length === 0) break;
    officeIds.push(...found);
    indexes.push(index);
  }
  return officeIds.length > 0 ? { officeIds, indexes } : null;
}

/** "To:" with the addressees on the following lines, in a list below, or in the short paragraphs below. */
function addresseesAt(blocks: readonly JSONContent[], index: number): LetterParts['addressees'] {
  const [first, ...rest] = blockText(blocks[index]!).split('\n');
  const label = addresseeLabel.exec(first?.trim() ?? '');
  if (!label) return null;
  const inline = [label[1]!, ...rest].map((line) => line.trim()).filter(Boolean);
  if (inline.length > 0) return { lines: inline, indexes: [index] };
  const next = blocks[index + 1];
  if (isList(next)) {
    const lines = (next!.content ?? []).map((item) => blockText(item).replace(/\n/g, ' ').trim()).filter(Boolean);
    return lines.length > 0 ? { lines, indexes: [index, index + 1] } : null;
  }
  const lines: string[] = [];
  const indexes = [index];
  for (let at = index + 1; at < blocks.length && lines.length < maxLooseAddressees; at++) {
    const block = blocks[at]!;
    const blockLines = linesOf(block);
    const isAddresseeLike = isParagraph(block) && blockLines.length > 0 &&
      blockLines.every((line) => line.length <= maxLineLength && !salutation.test(line) && !subjectLabel.test(line) && !dateLabel.test(line));
    if (!isAddresseeLike) break;
    lines.push(...blockLines);
    indexes.push(at);
  }
  return lines.length > 0 ? { lines, indexes } : null;
}

/** Short paragraphs at the very end, each naming exactly one office (once), read back to front. */
function signaturesFrom(blocks: readonly JSONContent[], start: number, offices: readonly Office[]): LetterParts['signatures'] {
  const found: { signatory: DetectedSignatory; index: number }[] = [];
  for (let index = blocks.length - 1; index >= start; index--) {
    const block = blocks[index]!;
    const lines = linesOf(block);
    if (!isParagraph(block) || lines.length === 0 || lines.length > maxSignatureLines || lines.some((line) => line.length > maxLineLength)) break;
    const office = officeNamedIn(lines, offices);
    if (!office || found.some((entry) => entry.signatory.officeId === office.id)) break;
    found.push({ signatory: signatoryFrom(lines, office), index });
  }
  if (found.length === 0) return null;
  found.reverse();
  return { signatories: found.map((entry) => entry.signatory), indexes: found.map((entry) => entry.index) };
}

/**
 * The one office a signature block names: by its own name or its minister's, else by its country.
 * English office names are shared by several ministries of the interior, so they alone decide nothing.
 */
function officeNamedIn(lines: string[], offices: readonly Office[]): Office | null {
  const text = fold(lines.join(' '));
  const strong = offices.filter((office) => text.includes(fold(office.name)) || text.includes(fold(office.ministerName)));
  if (strong.length === 1) return strong[0]!;
  if (strong.length > 1) return null;
  const byCountry = offices.filter((office) => new RegExp(`\\b${escapeRegExp(fold(office.country))}\\b`, 'u').test(text));
  return byCountry.length === 1 ? byCountry[0]! : null;
}

/** The signer is the first line that is not the office's name; the capacity the lines after it. */
function signatoryFrom(lines: string[], office: Office): DetectedSignatory {
  const isOfficeLine = (line: string) => fold(line).includes(fold(office.name)) || fold(line) === fold(office.nameEn);
  const [signer, ...capacity] = lines.filter((line) => !isOfficeLine(line));
  const sourceText = lines.join('\n');
  if (!signer) return { officeId: office.id, signerName: office.ministerName, capacity: office.ministerTitle, sourceText };
  const isMinister = fold(signer) === fold(office.ministerName);
  return {
    officeId: office.id,
    signerName: signer,
    capacity: capacity.length > 0 ? capacity.join(', ') : isMinister ? office.ministerTitle : '',
    sourceText,
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
