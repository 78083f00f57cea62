import fs from 'node:fs';
import path from 'node:path';

/**
 * The reference servers and the relay keep no database: their "store" is a folder with one file
 * per letter holding its whole state as one Yjs update, read when the letter is opened.
 */
export function letterFilePath(folder: string, letterId: string): string {
  return path.join(folder, `${encodeURIComponent(letterId)}.yjs`);
}

export function writeLetterFile(folder: string, letterId: string, state: Uint8Array): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(letterFilePath(folder, letterId), state);
}

/** The stored state of a letter, or null for a letter that has none. */
export function readLetterFile(folder: string | undefined, letterId: string): Uint8Array | null {
  if (!folder) return null;
  try {
    return new Uint8Array(fs.readFileSync(letterFilePath(folder, letterId)));
  } catch {
    return null;
  }
}

/** The folder the server processes read their letters from, passed in the environment. */
export const letterFolderVariable = 'BENCH_LETTER_FOLDER';

/** The line a benchmark server prints once it listens; the runner waits for it. */
export function announceListening(port: number): void {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`);
}
