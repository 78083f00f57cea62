import type { JSONContent } from '@tiptap/core';
import { ImportFormat } from '../../shared/api/interchange.js';
import type { Office } from '../../shared/api/offices.js';
import { bulletLinesToLists } from './bullet-lines-to-lists.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { decodeMarkdownText } from './decode-markdown-text.js';
import { detectLetterParts, type LetterParts } from './detect-letter-parts.js';
import { identifyImportFile, type UploadedFile } from './identify-import-file.js';
import { ImportError } from './import-errors.js';
import { mdastToLetterBlocks } from './mdast-to-letter-blocks.js';
import { readMarkdown } from './read-markdown.js';
import { directionControlsWarning, stripDirectionControls } from './strip-direction-controls.js';

/** A file read as a letter: its body blocks, its footnotes, and the parts recognised in it. */
export interface LetterFile {
  format: ImportFormat;
  blocks: JSONContent[];
  notes: JSONContent[][];
  parts: LetterParts;
  warnings: string[];
}

/**
 * Checks what a file is, reads it and finds its letter parts. Throws a clear `AppError` for a file
 * that is mislabelled, of a kind Jointly does not read, or broken. Writes nothing.
 */
export async function readLetterFile(file: UploadedFile, offices: readonly Office[]): Promise<LetterFile> {
  const format = identifyImportFile(file);
  const { tree, warnings } = format === ImportFormat.docx ? await readWordTree(file.bytes) : { tree: readMarkdown(decodeMarkdownText(file.bytes)), warnings: [] };
  const removed = stripDirectionControls(tree);
  bulletLinesToLists(tree);
  const body = mdastToLetterBlocks(tree);
  return {
    format,
    blocks: body.blocks,
    notes: body.notes,
    parts: detectLetterParts(body.blocks, offices),
    warnings: [...warnings, ...body.warnings, ...(removed > 0 ? [directionControlsWarning(removed)] : [])],
  };
}

async function readWordTree(bytes: Uint8Array) {
  await checkDocxArchive(bytes);
  // mammoth and its HTML tools are large: they load on the first Word import, not when the server starts.
  const { readDocx } = await import('./read-docx.js');
  try {
    const { tree, imageCount } = await readDocx(bytes);
    return { tree, warnings: imageCount > 0 ? ['Images were left out: a letter holds text only.'] : [] };
  } catch {
    throw ImportError.broken('The Word document could not be read. Open it in Word, save it again as .docx and retry.');
  }
}
