import type { JSONContent } from '@tiptap/core';
import type { Office } from '../../shared/api/offices.js';
import type { Language } from '../../shared/i18n/languages.js';
import { AppError } from '../http/app-error.js';
import { assembleLetterBody, letterBodyUpdate, type PartsTaken } from './assemble-letter-body.js';
import type { UploadedFile } from './identify-import-file.js';
import { readLetterFile, type ImportingPerson, type LetterFile } from './read-letter-file.js';

/** What a worker thread needs to read one file: plain data. */
export interface ImportTask {
  file: UploadedFile;
  offices: Office[];
  take: PartsTaken;
  /** Encode the body as the letter's opening Yjs update (an import, not a preview). */
  encode: boolean;
  /** The new letter's language, for the few words the import writes into it. */
  language: Language;
  /** Whose suggestions a Word file's tracked changes become. */
  importing: ImportingPerson;
}

/** A file read, or the clear refusal to give for it (an error's type does not cross threads). */
export type ImportResult =
  | { ok: true; letterFile: LetterFile; body: JSONContent; initialText: Uint8Array | null }
  | { ok: false; refusal: Pick<AppError, 'status' | 'code' | 'message'> };

/**
 * Runs in a worker thread (see ../export/worker-pool.ts): unpacking, parsing and checking a file
 * cost this thread's time and memory, not the event loop's.
 */
export default async function readImport(task: ImportTask): Promise<ImportResult> {
  try {
    const letterFile = await readLetterFile(task.file, task.offices, task.importing);
    const body = assembleLetterBody(letterFile, task.take, task.language);
    return { ok: true, letterFile, body, initialText: task.encode ? letterBodyUpdate(body) : null };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, refusal: { status: error.status, code: error.code, message: error.message } };
    throw error;
  }
}
