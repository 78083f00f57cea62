import type * as Y from 'yjs';
import { bodyFieldName } from './editor-extensions.js';
import { paragraphHash, type TextBlockJson } from './paragraph-hash.js';
import { openSuggestions, type OpenSuggestion } from './suggestions.js';
import { letterTextBlocks, textBlockJson } from './yjs-text-blocks.js';

export interface CurrentParagraph {
  id: string;
  /** 1-based position in reading order. */
  number: number;
  hash: string;
  /** Plain text, for diffs and excerpts. */
  text: string;
  /** The node type: paragraph or heading. */
  blockType: string;
  /** The paragraph's open suggestions (rule S13), in reading order. */
  suggestions?: OpenSuggestion[];
}

/** A paragraph's words as plain text; a line break stays a line break. */
export function plainText(block: TextBlockJson): string {
  return (block.content ?? []).map((inline) => (inline.type === 'hardBreak' ? '\n' : (inline.text ?? ''))).join('').normalize('NFC');
}

/**
 * The paragraphs of a letter as the server's document has them now: every textblock, none skipped.
 * Throws ParagraphIdError for a textblock without a well-formed id of its own (see letterTextBlocks).
 */
export function currentParagraphs(doc: Y.Doc): CurrentParagraph[] {
  const paragraphs: CurrentParagraph[] = [];
  for (const block of letterTextBlocks(doc.getXmlFragment(bodyFieldName))) {
    const json = textBlockJson(block.element);
    paragraphs.push({
      id: block.id,
      number: paragraphs.length + 1,
      hash: paragraphHash(json),
      text: plainText(json),
      blockType: json.type,
      suggestions: openSuggestions(block.id, json),
    });
  }
  return paragraphs;
}
