import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import { paragraphHash, type TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { isWellFormedParagraphId } from '../../shared/domain/paragraph-id.js';
import { isSuggestionMark, openSuggestions, type OpenSuggestion } from '../../shared/domain/suggestions.js';

/** One paragraph's open suggestions, with what the side list needs to decide them. */
export interface ParagraphSuggestions {
  paragraphId: string;
  number: number;
  /** The paragraph's hash as this editor shows it: what a decision names (it is refused if the text changed). */
  hash: string;
  suggestions: OpenSuggestion[];
}

/** Whether a textblock holds any suggestion mark: a quick look before reading it in full, on every keystroke. */
function holdsSuggestions(block: ProseMirrorNode): boolean {
  let found = false;
  block.forEach((child) => {
    found ||= child.marks.some((mark) => isSuggestionMark(mark.type.name));
  });
  return found;
}

/** The open suggestions of one textblock of the editor (none for a block without an id yet). */
export function blockSuggestions(block: ProseMirrorNode): OpenSuggestion[] {
  const id = block.attrs[paragraphIdAttribute] as unknown;
  if (!isWellFormedParagraphId(id) || !holdsSuggestions(block)) return [];
  return openSuggestions(id, block.toJSON() as TextBlockJson);
}

/** The paragraphs of the text as this editor holds it that have open suggestions, in reading order, numbered as sign-off numbers them. */
export function letterSuggestions(doc: ProseMirrorNode): ParagraphSuggestions[] {
  const found: ParagraphSuggestions[] = [];
  let number = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    if (!isWellFormedParagraphId(node.attrs[paragraphIdAttribute])) return false;
    number++;
    const suggestions = blockSuggestions(node);
    if (suggestions.length > 0) {
      found.push({ paragraphId: suggestions[0]!.paragraphId, number, hash: paragraphHash(node.toJSON() as TextBlockJson), suggestions });
    }
    return false;
  });
  return found;
}
