import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../http/app-error.js';
import { ImportError } from './import-errors.js';

/** Generous for any letter, small enough that a crafted archive cannot exhaust the server. */
const maxEntries = 2000;
const maxUnpackedBytes = 64 * 1024 * 1024;

const tooLarge = () =>
  ImportError.tooLarge('The Word document unpacks to far more than a letter. Remove images or other embedded files and try again.');

/** The unpacked parts of a Word document, by name (`word/document.xml`…). */
export type DocxArchive = ReadonlyMap<string, Uint8Array>;

/**
 * Checks a .docx file before anything reads it: a Word document is a ZIP archive holding
 * `word/document.xml`. Refuses archives that are broken, are some other ZIP file, or unpack to far
 * more than a letter (a "zip bomb"). Every entry is inflated and the bytes it actually produces
 * are counted, up to a hard cap: the sizes an archive declares can be lies. Returns the parts
 * unpacked, so that nothing unpacks the file a second time without these checks.
 */
export async function checkDocxArchive(bytes: Uint8Array): Promise<DocxArchive> {
  const names = new Set<string>();
  const parts = new Map<string, Uint8Array>();
  let unpackedBytes = 0;
  try {
    const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      // The cap below counts what inflating produces; the declared sizes are not trusted either way.
      validateEntrySizes: false,
    });
    await new Promise<void>((resolve, reject) => {
      const refuse = (error: unknown) => {
        zip.close();
        reject(error);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        if (names.size > maxEntries || unpackedBytes + entry.uncompressedSize > maxUnpackedBytes) return refuse(tooLarge());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return refuse(error);
          const chunks: Buffer[] = [];
          countInflated(stream, (chunk) => {
            unpackedBytes += chunk.byteLength;
            chunks.push(chunk);
            return unpackedBytes <= maxUnpackedBytes;
          }).then((withinCap) => {
            if (!withinCap) return refuse(tooLarge());
            parts.set(entry.fileName, new Uint8Array(Buffer.concat(chunks)));
            zip.readEntry();
          }, refuse);
        });
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
  return parts;
}

/** Reads `stream` to its end, handing `add` each chunk; stops early (false) once `add` says no. */
function countInflated(stream: Readable, add: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (add(chunk)) return;
      stream.destroy();
      resolve(false);
    });
    stream.on('end', () => resolve(true));
    stream.on('error', reject);
  });
}
