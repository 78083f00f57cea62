import * as Y from 'yjs';
import type { LetterLimits } from '../../shared/domain/letter-limits.js';
import { collectTextBlocks } from '../../shared/domain/yjs-text-blocks.js';
import { type TextGrowth, currentParagraphLength } from './text-growth.js';
import { RefusalKind, UpdateRefusal } from './update-refusal.js';

const refuse = (message: string) => new UpdateRefusal(RefusalKind.tooLarge, message);

/**
 * Keeps one letter within its limits (size, paragraphs, paragraph length) at a cost linear in each
 * update: the size and the paragraph count are running estimates that only ever overstate (every
 * change adds its length; deletions are not subtracted), and the document is measured exactly only
 * when an estimate would pass a limit. A paragraph's length is read only for the paragraphs an
 * update writes into.
 */
export class LetterSize {
  /** Null until first measured: the document holds the stored text already when this starts to follow it. */
  private bytes: number | null = null;
  /** Null when changes of unknown shape (loaded, relayed, server edits) arrived since the last count. */
  private paragraphs: number | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly bodyField: string,
    readonly limits: LetterLimits,
  ) {}

  /** Every change to the document, with its encoded length; `counted` when noteApplied accounts for its paragraphs. */
  noteChange(length: number, counted: boolean): void {
    if (this.bytes !== null) this.bytes += length;
    if (!counted) this.paragraphs = null;
  }

  /** Throws (kind tooLarge) if applying `update` would take the letter past a limit. */
  check(update: Uint8Array, growth: TextGrowth): void {
    const { maxLetterBytes, maxParagraphs, maxParagraphLength } = this.limits;
    for (const [block, added] of growth.addedCharacters) {
      if (currentParagraphLength(block) + added > maxParagraphLength) {
        throw refuse(`a paragraph would be longer than ${maxParagraphLength} characters`);
      }
    }
    if (growth.createdParagraphs > 0) {
      if ((this.paragraphs ?? this.countParagraphs()) + growth.createdParagraphs > maxParagraphs) {
        if (this.countParagraphs() + growth.createdParagraphs > maxParagraphs) {
          throw refuse(`the letter would have more than ${maxParagraphs} paragraphs`);
        }
      }
    }
    if (this.bytes === null || this.bytes + update.length > maxLetterBytes) {
      this.bytes = Y.encodeStateAsUpdate(this.doc).length;
      if (this.bytes + update.length > maxLetterBytes) throw refuse(`the letter would be larger than ${maxLetterBytes} bytes`);
    }
  }

  /** An update that passed `check` was applied. */
  noteApplied(growth: TextGrowth): void {
    if (this.paragraphs !== null) this.paragraphs += growth.createdParagraphs;
  }

  private countParagraphs(): number {
    this.paragraphs = collectTextBlocks(this.doc.getXmlFragment(this.bodyField)).length;
    return this.paragraphs;
  }
}
