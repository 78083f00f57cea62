/** Someone a comment can mention: a person, or a whole office (`@Estonia`). */
export const MentionKind = { user: 'user', office: 'office' } as const;
export type MentionKind = (typeof MentionKind)[keyof typeof MentionKind];

export interface MentionCandidate {
  kind: MentionKind;
  id: string;
  /** The names that mention it after an `@`: a person's name; an office's country, names and id. */
  names: readonly string[];
}

export interface Mention {
  kind: MentionKind;
  id: string;
}

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}_]/u.test(character);
const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('en');

/**
 * M1: the people and offices a plain-text comment mentions. A mention is `@` (at the start or after
 * a character that is not part of a word, so an e-mail address is none) followed by one of a
 * candidate's names, ending where a word ends; the longest name wins ("@Anna Berg" over "@Anna").
 * Each candidate is listed once, in order of first mention; text that matches nobody is plain text.
 */
export function findMentions(body: string, candidates: readonly MentionCandidate[]): Mention[] {
  const text = fold(body);
  const names = candidates
    .flatMap((candidate) => candidate.names.filter((name) => name.trim() !== '').map((name) => ({ candidate, name: fold(name.trim()) })))
    .sort((a, b) => b.name.length - a.name.length);
  const found = new Map<string, Mention>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (isWordCharacter(text[at - 1])) continue;
    const rest = text.slice(at + 1);
    const match = names.find(({ name }) => rest.startsWith(name) && !isWordCharacter(rest[name.length]));
    if (!match) continue;
    const key = `${match.candidate.kind}:${match.candidate.id}`;
    if (!found.has(key)) found.set(key, { kind: match.candidate.kind, id: match.candidate.id });
  }
  return Array.from(found.values());
}
