import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Serif, from the `dejavu-fonts-ttf` package: it has every letter of the signatories'
 * languages (å ä ö õ š ž ė ų ą ę ł ņ ā ø …), and exports never depend on the fonts a server has.
 */
export const exportFontFamily = 'DejaVu Serif';

export interface ExportFont {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

const faces = { regular: 'DejaVuSerif', bold: 'DejaVuSerif-Bold', italic: 'DejaVuSerif-Italic', boldItalic: 'DejaVuSerif-BoldItalic' } as const;

let loaded: ExportFont | null = null;

/** The four faces as TrueType files, read once. */
export function exportFont(): ExportFont {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const read = (face: string) => fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${face}.ttf`));
  loaded = { regular: read(faces.regular), bold: read(faces.bold), italic: read(faces.italic), boldItalic: read(faces.boldItalic) };
  return loaded;
}
