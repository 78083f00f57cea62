import type { JSONContent } from '@tiptap/core';
import { ImportWarningCode, type ImportWarning } from '../../shared/api/import-warnings.js';
import { ImportFormat } from '../../shared/api/interchange.js';
import type { Office } from '../../shared/api/offices.js';
import { bulletLinesToLists } from './bullet-lines-to-lists.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { decodeMarkdownText } from './decode-markdown-text.js';
import { detectLetterParts, type LetterParts } from './detect-letter-parts.js';
import { identifyImportFile, type UploadedFile } from './identify-import-file.js';
import { ImportError } from './import-errors.js';
import { AppError } from '../http/app-error.js';
import type { Root } from 'mdast';
import { mdastToLetterBlocks, type ChangeReading } from './mdast-to-letter-blocks.js';
import { readMarkdown } from './read-markdown.js';
import { directionControlsWarning, stripDirectionControls } from './strip-direction-controls.js';
import type { SuggestionAuthor } from '../../shared/domain/suggestions.js';
import { trackedChangeReadings, withDeletionsAccepted } from './tracked-change-readings.js';

/** A file read as a letter: its body blocks, its footnotes, and the parts recognised in it. */
export interface LetterFile {
  format: ImportFormat;
  blocks: JSONContent[];
  notes: JSONContent[][];
  parts: LetterParts;
  warnings: ImportWarning[];
}

/** Who imports the file: their suggestions are what a Word file's tracked changes become. */
export interface ImportingPerson {
  /** The person and office a suggestion names, or null when they may not suggest (S13). */
  proposer: SuggestionAuthor | null;
  now?: Date;
}

/**
 * Checks what a file is, reads it and finds its letter parts. Throws a clear `AppError` for a file
 * that is mislabelled, of a kind Jointly does not read, or broken. Writes nothing. A Word file's
 * tracked changes become suggestions of the person importing it, or, if they may not suggest, the
 * text as Word shows it with every change accepted.
 */
export async function readLetterFile(file: UploadedFile, offices: readonly Office[], importing: ImportingPerson = { proposer: null }): Promise<LetterFile> {
  const format = identifyImportFile(file);
  const { tree, warnings, changes } =
    format === ImportFormat.docx ? await readWordTree(file.bytes, importing) : { tree: readMarkdown(decodeMarkdownText(file.bytes)), warnings: [], changes: [] };
  const removed = stripDirectionControls(tree);
  bulletLinesToLists(tree);
  const body = mdastToLetterBlocks(tree, changes);
  return {
    format,
    blocks: body.blocks,
    notes: body.notes,
    // Title, subject, addressees and signatures are the letter's record: they read as Word shows them, changes accepted.
    parts: detectLetterParts(withDeletionsAccepted(body.blocks), offices),
    warnings: [...warnings, ...body.warnings, ...(removed > 0 ? [directionControlsWarning(removed)] : [])],
  };
}

async function readWordTree(bytes: Uint8Array, importing: ImportingPerson): Promise<{ tree: Root; warnings: ImportWarning[]; changes: ChangeReading[] }> {
  const archive = await checkDocxArchive(bytes);
  // mammoth and its HTML tools are large: they load on the first Word import, not when the server starts.
  const { readDocx } = await import('./read-docx.js');
  let content: Awaited<ReturnType<typeof readDocx>>;
  try {
    content = await readDocx(archive);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw ImportError.broken('The Word document could not be read. Open it in Word, save it again as .docx and retry.');
  }
  const warnings: ImportWarning[] = content.imageCount > 0 ? [{ code: ImportWarningCode.imagesLeftOut }] : [];
  if (content.changes.length > 0 && !importing.proposer) warnings.push({ code: ImportWarningCode.trackedChangesAccepted });
  if (content.otherChanges > 0) {
    warnings.push({ code: ImportWarningCode.trackedFormattingAccepted });
  }
  return { tree: content.tree, warnings, changes: trackedChangeReadings(content.changes, importing.proposer, importing.now) };
}
