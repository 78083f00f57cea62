import { ImportError } from './import-errors.js';

/**
 * The text of a Markdown file: UTF-8, with or without a byte-order mark. Bytes that are not
 * UTF-8, or control characters that text never holds, mean the file is not Markdown.
 */
export function decodeMarkdownText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw ImportError.unsupported('The file is not UTF-8 text. Save it as UTF-8 Markdown and try again.');
  }
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) {
    throw ImportError.unsupported('The file holds binary data, not Markdown text.');
  }
  return text.replace(/\r\n?/g, '\n');
}
