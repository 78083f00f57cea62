import { type ImportOptions, type ImportPreview, importPreviewSchema } from '../../shared/api/interchange.js';
import { type LetterDetail, letterDetailSchema } from '../../shared/api/letters.js';
import { requestJson } from './request-json.js';

function fileForm(file: File, options?: ImportOptions): FormData {
  const form = new FormData();
  form.append('file', file);
  if (options) form.append('options', JSON.stringify(options));
  return form;
}

/** What letter a file would make; the server stores nothing. */
export async function previewImport(file: File): Promise<ImportPreview> {
  return requestJson('/api/imports/preview', importPreviewSchema, { method: 'POST', body: fileForm(file) });
}

/** Creates the letter from the file, with the person's choices from the preview. */
export async function importLetter(file: File, options: ImportOptions): Promise<LetterDetail> {
  return requestJson('/api/imports', letterDetailSchema, { method: 'POST', body: fileForm(file, options) });
}
