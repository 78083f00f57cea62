import type { JSONContent } from '@tiptap/core';
import { textBlockTypes } from '../../shared/domain/editor-extensions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { openSuggestions, type OpenSuggestion, type SuggestionAttributes } from '../../shared/domain/suggestions.js';
import type { Store } from '../store/store.js';

/** An open suggestion with the number of its paragraph, as an export lists it. */
export interface NumberedSuggestion extends OpenSuggestion {
  paragraphNumber: number;
}

const isTextBlock = (type: string | undefined) => (textBlockTypes as readonly string[]).includes(type ?? '');

/** Every open suggestion of a body (ProseMirror JSON), in reading order, paragraphs numbered as the letter numbers them. */
export function letterSuggestions(body: JSONContent): NumberedSuggestion[] {
  const found: NumberedSuggestion[] = [];
  let number = 0;
  const visit = (node: JSONContent) => {
    if (isTextBlock(node.type)) {
      number++;
      const id = typeof node.attrs?.['id'] === 'string' ? node.attrs['id'] : '';
      for (const suggestion of openSuggestions(id, node as TextBlockJson)) found.push({ ...suggestion, paragraphNumber: number });
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(body);
  return found;
}

/** How a suggestion's author is named in an export: "Name (Country)", from the server's records. */
export type SuggestionAuthors = Record<string, string>;

const authorKey = (attrs: Pick<SuggestionAttributes, 'authorId' | 'officeId'>) => `${attrs.authorId} ${attrs.officeId}`;

/** The author of a suggestion as the export prints it; someone the records no longer know is "unknown". */
export function suggestionAuthor(authors: SuggestionAuthors | undefined, attrs: Pick<SuggestionAttributes, 'authorId' | 'officeId'>): string {
  return authors?.[authorKey(attrs)] ?? `unknown (${attrs.officeId})`;
}

/**
 * Names the authors of a body's suggestions from the people and offices the server knows, as
 * comments are named ("Name (Country)"). The marks' ids were checked by the sync server when
 * written; the name a mark carries is not used, so a renamed person shows their name of today.
 */
export async function readSuggestionAuthors(store: Store, body: JSONContent): Promise<SuggestionAuthors> {
  const suggestions = letterSuggestions(body);
  if (suggestions.length === 0) return {};
  const [users, offices] = await Promise.all([store.accounts.listUsers(), store.accounts.listOffices()]);
  const userName = new Map(users.map((user) => [user.id, user.name]));
  const country = new Map(offices.map((office) => [office.id, office.country]));
  const authors: SuggestionAuthors = {};
  for (const suggestion of suggestions) {
    const name = userName.get(suggestion.authorId) ?? 'unknown';
    authors[authorKey(suggestion)] = `${name} (${country.get(suggestion.officeId) ?? suggestion.officeId})`;
  }
  return authors;
}
