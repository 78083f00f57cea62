import type { JSONContent } from '@tiptap/core';
import type { LetterStatus, Signatory } from '../../shared/api/letters.js';
import type { FinalSignature } from '../../shared/api/signoffs.js';
import { letterHash } from '../../shared/domain/letter-hash.js';
import type { LetterAnnotations } from './letter-annotations.js';
import type { SuggestionAuthors } from './letter-suggestions.js';

/**
 * Everything an export shows, as plain data: the exporters read nothing else. The current text and
 * a saved version are exported alike by building one of these from either.
 */
export interface LetterSnapshot {
  title: string;
  subject: string;
  addressees: string[];
  letterDate: string | null;
  status: LetterStatus;
  /** In signing order. */
  signatories: Signatory[];
  /** The offices' final signatures since the last reopening. */
  finalSignatures: FinalSignature[];
  /** The hash a final signature on exactly this text and these signatories binds to. */
  letterHash: string;
  /** The body as ProseMirror JSON (a `doc` node). */
  body: JSONContent;
  /** Set when a saved version rather than the current text is exported. */
  version: { id: string; name: string } | null;
  /** Open threads and reservations, when the person asked for them (not part of the letter hash). */
  annotations?: LetterAnnotations | null;
  /** Who proposed the body's open suggestions, named from the server's records (`readSuggestionAuthors`). */
  suggestionAuthors?: SuggestionAuthors;
  /** The language the letter is written in: its exports' fixed labels follow it. English when absent. */
  language?: string;
}

/** A snapshot of a letter's record and a body, with the letter hash computed from the two. */
export function letterSnapshot(record: Omit<LetterSnapshot, 'letterHash' | 'version'>, version: LetterSnapshot['version'] = null): LetterSnapshot {
  const signatories = [...record.signatories].sort((a, b) => a.position - b.position);
  const hash = letterHash(
    record.body,
    signatories.map((signatory) => ({ officeId: signatory.office.id, signerName: signatory.signerName, capacity: signatory.capacity })),
  );
  return { ...record, signatories, letterHash: hash, version };
}
