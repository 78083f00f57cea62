import yauzl from 'yauzl';
import { AppError } from '../http/app-error.js';
import { ImportError } from './import-errors.js';

/** Generous for any letter, small enough that a crafted archive cannot exhaust the server. */
const maxEntries = 2000;
const maxUnpackedBytes = 64 * 1024 * 1024;

/**
 * Reads a .docx file's table of contents without unpacking it: a Word document is a ZIP archive
 * holding `word/document.xml`. Refuses archives that are broken, are some other ZIP file, or would
 * unpack to far more than a letter (a "zip bomb").
 */
export async function checkDocxArchive(bytes: Uint8Array): Promise<void> {
  const names = new Set<string>();
  let unpackedBytes = 0;
  try {
    const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true });
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        unpackedBytes += entry.uncompressedSize;
        if (names.size > maxEntries || unpackedBytes > maxUnpackedBytes) {
          zip.close();
          reject(ImportError.tooLarge('The Word document unpacks to far more than a letter. Remove images or other embedded files and try again.'));
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw ImportError.broken('The Word document is damaged: it cannot be unpacked. Open it in Word, save it again and retry.');
  }
  if (!names.has('word/document.xml') || !names.has('[Content_Types].xml')) {
    throw ImportError.unsupported('The file is a ZIP archive but not a Word document.');
  }
}
