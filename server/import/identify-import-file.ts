import { ImportFormat } from '../../shared/api/interchange.js';
import { ImportError } from './import-errors.js';

/** An uploaded file as the browser described it: name and type are claims, the bytes are the truth. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

const extensions: Record<string, ImportFormat> = { md: ImportFormat.markdown, markdown: ImportFormat.markdown, txt: ImportFormat.markdown, docx: ImportFormat.docx };

/** Types a browser may give for each kind; an empty or generic type says nothing either way. */
const acceptedTypes: Record<ImportFormat, readonly string[]> = {
  [ImportFormat.markdown]: ['', 'text/markdown', 'text/x-markdown', 'text/plain', 'application/octet-stream'],
  [ImportFormat.docx]: ['', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip', 'application/octet-stream'],
};

/** Signatures of the kinds of file most often mistaken for the two Jointly reads. */
const signatures: { kind: string; bytes: number[] }[] = [
  { kind: 'a ZIP archive (such as a Word document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'an old Word (.doc) or other Office 97–2003 file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'a rich-text (.rtf) file', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

/** What the bytes start like, if they are a known binary kind. */
function sniffBinaryKind(bytes: Uint8Array): string | null {
  const found = signatures.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte));
  return found?.kind ?? null;
}

/**
 * Decides which reader a file goes to, from its name, and checks that its declared type and its
 * first bytes agree: a file that is not what it claims is refused before any parser sees it.
 */
export function identifyImportFile(file: UploadedFile): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const format = extensions[extension];
  if (!format) throw ImportError.unsupported('Jointly imports Markdown (.md) and Word (.docx) files. Choose a file of one of these kinds.');
  if (file.bytes.byteLength === 0) throw ImportError.broken('The file is empty.');
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  if (!acceptedTypes[format].includes(type)) {
    throw ImportError.unsupported(`The file is named .${extension} but its type is ${type}. Choose the file again, or save it anew.`);
  }
  const kind = sniffBinaryKind(file.bytes);
  if (format === ImportFormat.docx) {
    if (kind?.startsWith('a ZIP')) return format;
    if (kind?.startsWith('an old Word')) throw ImportError.unsupported('This is an old Word (.doc) file. Open it in Word and save it as .docx.');
    throw ImportError.unsupported(`The file is named .docx but is ${kind ?? 'not a Word document'}.`);
  }
  if (kind) throw ImportError.unsupported(`The file is named .${extension} but is ${kind}, not Markdown text.`);
  return format;
}
