import { ExportFormat } from '../../shared/api/interchange.js';
import { letterSnapshot, type LetterSnapshot } from './letter-snapshot.js';

/** What a worker thread needs to write one export: plain data, never the shared document. */
export interface ExportTask {
  format: ExportFormat;
  record: Omit<LetterSnapshot, 'letterHash' | 'version'>;
  version: LetterSnapshot['version'];
}

/**
 * Runs in a worker thread (see worker-pool.ts): the letter hash, the layout and the file are
 * computed here, so that a long letter costs this thread's time and memory, not the event loop's.
 */
export default async function writeExport(task: ExportTask): Promise<Uint8Array> {
  const snapshot = letterSnapshot(task.record, task.version);
  switch (task.format) {
    case ExportFormat.docx:
      return (await import('./letter-to-docx.js')).letterToDocx(snapshot);
    case ExportFormat.pdf:
      return (await import('./letter-to-pdf.js')).letterToPdf(snapshot);
    case ExportFormat.markdown:
      return new TextEncoder().encode((await import('./letter-to-markdown.js')).letterToMarkdown(snapshot));
    default:
      throw new Error(`Unknown export format: ${String(task.format satisfies never)}`);
  }
}
