import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { openSuggestions } from '../../shared/domain/suggestions.js';
import { listParagraphs } from '../signoff/paragraph-signoff.js';
import type { ParagraphSuggestions } from './jl-suggestion-list.js';

/** The paragraphs of the text as this editor holds it that have open suggestions, in reading order. */
export function letterSuggestions(doc: ProseMirrorNode): ParagraphSuggestions[] {
  const found: ParagraphSuggestions[] = [];
  for (const paragraph of listParagraphs(doc)) {
    const node = doc.nodeAt(paragraph.position);
    if (!node) continue;
    const suggestions = openSuggestions(paragraph.id, node.toJSON() as TextBlockJson);
    if (suggestions.length > 0) found.push({ paragraphId: paragraph.id, number: paragraph.number, hash: paragraph.hash, suggestions });
  }
  return found;
}
