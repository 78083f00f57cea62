/** A file name from the letter's title, e.g. "Joint letter on border security.pdf". */
export function exportFileName(title: string, extension: string): string {
  const safe = title.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${safe || 'letter'}.${extension}`;
}

/**
 * The Content-Disposition of a download: an ASCII name for old clients and the full name in
 * UTF-8 (RFC 6266), so "Sisäministeriö" keeps its letters.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
