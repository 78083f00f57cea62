import type { JSONContent } from '@tiptap/core';
import { SuggestionKind, newSuggestionAttributes, suggestionNoteLength, type SuggestionAuthor } from '../../shared/domain/suggestions.js';
import { stripReorderingCharacters, withoutUnwritableCharacters } from '../../shared/domain/text-policy.js';
import type { ChangeReading } from './mdast-to-letter-blocks.js';
import type { WordChange } from './word-tracked-changes.js';

/** The longest Word author name a note keeps. */
const maxAuthorLength = 120;

/** A Word author's name as one plain line: no control or direction characters, bounded. */
function plainAuthor(author: string): string {
  const line = stripReorderingCharacters(withoutUnwritableCharacters(author)).text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > maxAuthorLength ? `${line.slice(0, maxAuthorLength - 1)}…` : line;
}

/** "Tracked change in Word by Kadri Tamm (Estonia), 2026-11-20": where an imported suggestion came from. */
export function wordChangeNote(change: WordChange): string {
  const author = plainAuthor(change.author);
  const date = change.date && !Number.isNaN(Date.parse(change.date)) ? `, ${new Date(change.date).toISOString().slice(0, 10)}` : '';
  return `Tracked change in Word ${author ? `by ${author}` : '(no author given)'}${date}`.slice(0, suggestionNoteLength);
}

/**
 * What each tracked change of a Word file becomes. For a person who may suggest, a suggestion of
 * theirs (their name and office, a fresh id, the time of the import), with the Word author kept in
 * its note: the server attributes what it stores, and a name in a file proves nothing. For anyone
 * else, the words as Word shows them with every change accepted.
 */
export function trackedChangeReadings(changes: readonly WordChange[], proposer: SuggestionAuthor | null, now = new Date()): ChangeReading[] {
  return changes.map((change) =>
    proposer ? { mark: { type: change.kind, attrs: { ...newSuggestionAttributes(proposer, now), note: wordChangeNote(change) } } } : { accepted: change.kind },
  );
}

/** The blocks as Word shows them with every change accepted: words proposed for deletion left out. */
export function withDeletionsAccepted(blocks: readonly JSONContent[]): JSONContent[] {
  return blocks.map((block) => ({
    ...block,
    ...(block.content
      ? { content: withDeletionsAccepted(block.content.filter((node) => !(node.marks ?? []).some((mark) => mark.type === SuggestionKind.deletion))) }
      : {}),
  }));
}
