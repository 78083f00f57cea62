import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { sourceLanguage, type Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { withoutBlocks } from './detect-letter-parts.js';
import { ImportError } from './import-errors.js';
import { textBlock } from './mdast-to-letter-blocks.js';
import type { LetterFile } from './read-letter-file.js';

/**
 * The heading above footnotes, which the editor has no node for: they become numbered notes at the
 * end, under a heading in the new letter's language (its coordinator's, the person importing).
 */
export function notesHeading(language: Language = sourceLanguage): string {
  return createTranslator(language).t('importFile.notesHeading');
}

/** Far more text than any letter; a file beyond it is refused rather than stored. */
const maxTextCharacters = 1_000_000;

export interface PartsTaken {
  addressees: boolean;
  signatories: boolean;
}

/**
 * The letter's body: the file's blocks less the title and subject (always the letter's own fields),
 * an export's date line and its record of signatures, less the addressees and signature blocks the person chose
 * to take, then the notes.
 */
export function assembleLetterBody(file: LetterFile, taken: PartsTaken, language: Language = sourceLanguage): JSONContent {
  const { parts } = file;
  const leftOut = [
    ...(parts.title?.index !== undefined && parts.title.index !== null ? [parts.title.index] : []),
    ...(parts.subject ? [parts.subject.index] : []),
    ...(parts.date ? [parts.date.index] : []),
    ...(parts.signatureRecord?.indexes ?? []),
    ...(taken.addressees && parts.addressees ? parts.addressees.indexes : []),
    ...(taken.signatories && parts.letterhead ? parts.letterhead.indexes : []),
    ...(taken.signatories && parts.signatures ? parts.signatures.indexes : []),
  ];
  const content = withoutBlocks(file.blocks, leftOut);
  if (file.notes.length > 0) {
    content.push(textBlock('heading', [{ type: 'text', text: notesHeading(language) }], { level: 2 }));
    content.push({
      type: 'orderedList',
      content: file.notes.map((paragraphs) => ({ type: 'listItem', content: paragraphs.length > 0 ? paragraphs : [textBlock('paragraph', [])] })),
    });
  }
  if (content.length === 0) content.push(textBlock('paragraph', []));
  return { type: 'doc', content };
}

/**
 * The body as the letter's opening Yjs update, after checking it against the editor's schema:
 * what the server stores is exactly what an editor could have typed.
 */
export function letterBodyUpdate(body: JSONContent): Uint8Array {
  if (JSON.stringify(body).length > maxTextCharacters * 2) throw ImportError.tooLarge('The file holds more text than a letter can. Split it and try again.');
  try {
    letterSchema().nodeFromJSON(body).check();
  } catch {
    throw ImportError.broken('The file’s structure could not be turned into a letter.');
  }
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(letterSchema(), body, bodyFieldName));
}
