/**
 * The form of a paragraph id. The editor's UniqueID extension generates UUID v4 strings; the
 * server's own ids (demo letter, import, repairs) are UUIDs too. Any short token of letters,
 * digits, '-' and '_' is accepted, so that ids stay safe in URLs, file names and CSV cells.
 */
const paragraphIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Whether `value` is a well-formed paragraph id (invariant 10: every textblock has one). */
export function isWellFormedParagraphId(value: unknown): value is string {
  return typeof value === 'string' && paragraphIdPattern.test(value);
}

/** A fresh paragraph id, of the form the editor generates. */
export function newParagraphId(): string {
  return globalThis.crypto.randomUUID();
}
