import type { JSONContent } from '@tiptap/core';
import PDFDocument from 'pdfkit';
import { annotationAppendix, appendixLabelsIn, suggestionAppendix, suggestionAppendixLabelsIn, type AppendixEntry } from './annotation-appendix.js';
import { exportFont } from './export-font.js';
import { inlineRuns, runsWithoutProposals, type InlineRun } from './inline-runs.js';
import { letterSuggestions } from './letter-suggestions.js';
import { withWritableText } from './writable-text.js';
import { letterLayout, type LetterLayout, type SignatureBlock } from './letter-layout.js';
import type { LetterSnapshot } from './letter-snapshot.js';
import { withoutInvisibleCharacters } from '../../shared/domain/text-policy.js';

type Pdf = PDFKit.PDFDocument;

const margin = { top: 56, bottom: 64, left: 64, right: 64 };
const textColor = '#1a1a1a';
const mutedColor = '#555555';
const linkColor = '#1a4f8b';
const bodySize = 11;
const lineGap = 2.5;
const listIndent = 18;
const face = { regular: 'serif', bold: 'serif-bold', italic: 'serif-italic', boldItalic: 'serif-bold-italic' } as const;
const headingSizes = [15, 13, 12] as const;

/**
 * The letter as a PDF on A4: letterhead, addressees, title, subject, the body with its formatting,
 * the signature blocks in signing order and, for a signed letter, a last page recording each
 * office's final signature and the letter hash. When asked for, a page before that record lists
 * the open comment threads and reservations. Every glyph comes from the embedded DejaVu Serif.
 * The text is printed as it stands without its open suggestions (proposed insertions left out,
 * words proposed for deletion still there); a page after the signature blocks lists them.
 */
export async function letterToPdf(given: LetterSnapshot): Promise<Uint8Array> {
  const snapshot = withWritableText(given);
  const layout = letterLayout(snapshot);
  const doc = new PDFDocument({ size: 'A4', margins: margin, bufferPages: true, lang: layout.language, info: { Title: layout.title, Creator: 'Jointly' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const font = exportFont();
  doc.registerFont(face.regular, font.regular);
  doc.registerFont(face.bold, font.bold);
  doc.registerFont(face.italic, font.italic);
  doc.registerFont(face.boldItalic, font.boldItalic);
  doc.font(face.regular).fontSize(bodySize).fillColor(textColor);

  writeLetterhead(doc, layout);
  writeHead(doc, layout);
  for (const node of layout.body) writeBlock(doc, node, 0);
  writeSignatureBlocks(doc, layout.signatureBlocks);
  writeSuggestionAppendix(doc, suggestionAppendix(letterSuggestions(snapshot.body), snapshot.suggestionAuthors, layout.language), layout.language);
  if (snapshot.annotations) writeAnnotationAppendix(doc, snapshot.annotations, layout.language);
  writeSignatureRecord(doc, layout);
  writePageNumbers(doc, layout.title);

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

const contentWidth = (doc: Pdf) => doc.page.width - margin.left - margin.right;

/** Moves to a new page unless `height` still fits on this one. */
function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - margin.bottom) doc.addPage();
}

/** The offices in three columns, each under a bar of its own colour, as on the letter page. */
function writeLetterhead(doc: Pdf, layout: LetterLayout): void {
  const columns = 3;
  const gap = 14;
  const width = (contentWidth(doc) - gap * (columns - 1)) / columns;
  for (let row = 0; row * columns < layout.letterhead.length; row++) {
    const entries = layout.letterhead.slice(row * columns, row * columns + columns);
    const top = doc.y;
    let bottom = top;
    entries.forEach((entry, column) => {
      const x = margin.left + column * (width + gap);
      doc.rect(x, top, width, 3).fill(entry.color);
      doc.font(face.bold).fontSize(9.5).fillColor(textColor).text(entry.name, x, top + 7, { width });
      if (entry.nameEn) doc.font(face.regular).fontSize(8.5).fillColor(mutedColor).text(entry.nameEn, x, doc.y + 1, { width });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 10;
  }
  doc.x = margin.left;
  doc.moveDown(1);
}

function writeHead(doc: Pdf, layout: LetterLayout): void {
  const width = contentWidth(doc);
  if (layout.addressees.length > 0) {
    doc.font(face.regular).fontSize(9).fillColor(mutedColor).text(layout.labels.addressees, margin.left, doc.y, { width });
    doc.font(face.regular).fontSize(bodySize).fillColor(textColor);
    for (const line of layout.addressees) doc.text(line, { width, lineGap });
    doc.moveDown(1);
  }
  if (layout.date) doc.font(face.regular).fontSize(bodySize).text(`${layout.labels.date} ${layout.date}`, { width }).moveDown(1);
  doc.font(face.bold).fontSize(17).fillColor(textColor).text(layout.title, { width, lineGap });
  doc.moveDown(0.4);
  if (layout.subject) {
    doc.font(face.bold).fontSize(bodySize).text(`${layout.labels.subject} `, { width, continued: true, lineGap });
    doc.font(face.regular).text(layout.subject);
  }
  if (layout.versionNote) doc.font(face.italic).fontSize(bodySize).fillColor(mutedColor).text(layout.versionNote, { width }).fillColor(textColor);
  doc.moveDown(1);
}

function writeBlock(doc: Pdf, node: JSONContent, level: number): void {
  const x = margin.left + level * listIndent;
  const width = contentWidth(doc) - level * listIndent;
  switch (node.type) {
    case 'paragraph':
      writeRuns(doc, runsWithoutProposals(inlineRuns(node)), x, width, bodySize);
      doc.moveDown(0.6);
      return;
    case 'heading': {
      const size = headingSizes[Math.min(Math.max(Number(node.attrs?.['level'] ?? 2), 1), 3) - 1] ?? bodySize;
      keepTogether(doc, size * 4);
      doc.moveDown(0.4);
      writeRuns(doc, runsWithoutProposals(inlineRuns(node)).map((run) => (run.kind === 'text' ? { ...run, isBold: true } : run)), x, width, size);
      doc.moveDown(0.4);
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.['start'] ?? 1);
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === 'orderedList' ? `${start + index}.` : '•';
        (item.content ?? []).forEach((child, childIndex) => {
          if (child.type !== 'paragraph') return writeBlock(doc, child, level + 1);
          keepTogether(doc, bodySize * 2);
          const top = doc.y;
          if (childIndex === 0) doc.font(face.regular).fontSize(bodySize).fillColor(textColor).text(marker, x, top, { width: listIndent - 4 });
          doc.y = top;
          writeRuns(doc, runsWithoutProposals(inlineRuns(child)), x + listIndent, width - listIndent, bodySize);
          doc.moveDown(0.3);
        });
      });
      doc.moveDown(0.3);
      return;
    }
    default:
      return;
  }
}

/**
 * Text as PDFKit should draw it to look as it does in a browser (rule T4): zero-width characters
 * and soft hyphens draw nothing there inside a line, but PDFKit would draw a gap, a space or a
 * missing-glyph box for them. (A browser may hyphenate at a soft hyphen that ends a line; the PDF
 * breaks its lines elsewhere anyway.)
 */
function asDrawn(text: string): string {
  return withoutInvisibleCharacters(text);
}

/** Characters of a word PDFKit is handed at once; far more than a line holds. */
const maxWordFragment = 200;

/**
 * The text in pieces written one after the other, so that no piece holds a word longer than
 * `maxWordFragment` characters. PDFKit breaks a word wider than the line by measuring the rest of
 * it again for every line, so one word of 20,000 characters (a paragraph's limit) took seconds and a
 * letter of them ran past the export's time limit. A piece ends only before a character that starts
 * a new one (not inside a surrogate pair, not before a combining mark, unless one character carries
 * hundreds of them), and a word longer than a line is broken anywhere anyway, so the page looks the same.
 */
function boundedWords(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let wordLength = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    wordLength = /\s/.test(text[index]!) ? 0 : wordLength + 1;
    const insidePair = code >= 0xdc00 && code <= 0xdfff;
    const startsCharacter = !insidePair && !/\p{M}/u.test(text[index]!);
    // A character carrying hundreds of combining marks draws as a smear anyway: it is cut too.
    if ((wordLength > maxWordFragment && startsCharacter) || (wordLength > 2 * maxWordFragment && !insidePair)) {
      pieces.push(text.slice(start, index));
      start = index;
      wordLength = 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** One paragraph of runs, each in its own face, wrapping as one text; a line break starts a new line. */
function writeRuns(doc: Pdf, runs: InlineRun[], x: number, width: number, size: number): void {
  const lines: Exclude<InlineRun, { kind: 'break' }>[][] = [[]];
  for (const run of runs) {
    if (run.kind === 'break') lines.push([]);
    else lines.at(-1)!.push(run);
  }
  let top = doc.y;
  for (const line of lines) {
    if (line.length === 0) {
      // An empty line still takes the height of one.
      doc.font(face.regular).fontSize(size);
      top += doc.currentLineHeight(true);
      doc.y = top;
      continue;
    }
    const fragments = line.flatMap((piece) => boundedWords(asDrawn(piece.text)).map((text) => ({ piece, text })));
    fragments.forEach(({ piece, text }, index) => {
      const fontName = piece.isBold ? (piece.isItalic ? face.boldItalic : face.bold) : piece.isItalic ? face.italic : face.regular;
      doc.font(fontName).fontSize(size).fillColor(piece.href ? linkColor : textColor);
      const options = { continued: index < fragments.length - 1, link: piece.href, underline: piece.href !== null, lineGap };
      if (index === 0) doc.text(text, x, top, { ...options, width });
      else doc.text(text, options);
    });
    top = doc.y;
  }
  doc.fillColor(textColor);
  doc.x = margin.left;
}

/** Two blocks side by side, each with a line to sign on, never split across pages. */
function writeSignatureBlocks(doc: Pdf, blocks: SignatureBlock[]): void {
  const gap = 28;
  const width = (contentWidth(doc) - gap) / 2;
  doc.moveDown(1);
  for (let row = 0; row * 2 < blocks.length; row++) {
    const pair = blocks.slice(row * 2, row * 2 + 2);
    const height = Math.max(...pair.map((block) => signatureHeight(doc, block, width)));
    keepTogether(doc, height);
    const top = doc.y;
    pair.forEach((block, column) => {
      const x = margin.left + column * (width + gap);
      doc.moveTo(x, top + 36).lineTo(x + width, top + 36).lineWidth(0.6).strokeColor('#888888').stroke();
      doc.font(face.bold).fontSize(bodySize).fillColor(textColor).text(block.signerName, x, top + 42, { width });
      if (block.capacity) doc.font(face.regular).fontSize(9.5).text(block.capacity, x, doc.y, { width });
      doc.font(face.regular).fontSize(9).fillColor(mutedColor).text(block.officeName, x, doc.y, { width });
      if (block.officeNameEn) doc.text(block.officeNameEn, x, doc.y, { width });
    });
    doc.fillColor(textColor);
    doc.y = top + height;
  }
  doc.x = margin.left;
}

function signatureHeight(doc: Pdf, block: SignatureBlock, width: number): number {
  const measure = (text: string, fontName: string, size: number) => (text ? doc.font(fontName).fontSize(size).heightOfString(text, { width }) : 0);
  return (
    42 +
    measure(block.signerName, face.bold, bodySize) +
    measure(block.capacity, face.regular, 9.5) +
    measure(block.officeName, face.regular, 9) +
    measure(block.officeNameEn ?? '', face.regular, 9) +
    24
  );
}

function writeSignatureRecord(doc: Pdf, layout: LetterLayout): void {
  const record = layout.signatureRecord;
  if (!record) return;
  doc.addPage();
  const width = contentWidth(doc);
  doc.font(face.bold).fontSize(15).fillColor(textColor).text(layout.labels.signatureRecord, margin.left, margin.top, { width });
  doc.moveDown(0.5);
  doc.font(face.regular).fontSize(10).text(layout.labels.signatureRecordIntro, { width, lineGap });
  doc.moveDown(1);
  for (const row of record.rows) {
    keepTogether(doc, 60);
    doc.font(face.bold).fontSize(bodySize).text(row.officeName, { width });
    doc.font(face.regular).fontSize(10).text(`${layout.labels.signedBy} ${row.by}, ${row.at}`, { width });
    if (row.otherHash) doc.text(`${layout.labels.boundToOtherText} ${row.otherHash}).`, { width });
    doc.moveDown(0.7);
  }
  doc.moveDown(0.5);
  doc.font(face.bold).fontSize(10).text(layout.labels.letterHash, { width });
  doc.font(face.regular).fontSize(9).text(record.letterHash, { width });
}

/** A page listing the open reservations and threads, each with the words it is about; all of it plain text. */
function writeAnnotationAppendix(doc: Pdf, annotations: Parameters<typeof annotationAppendix>[0], language: string): void {
  const appendix = annotationAppendix(annotations, language);
  const appendixLabels = appendixLabelsIn(language);
  doc.addPage();
  const width = contentWidth(doc);
  doc.font(face.bold).fontSize(15).fillColor(textColor).text(appendixLabels.heading, margin.left, margin.top, { width });
  doc.moveDown(0.5);
  doc.font(face.regular).fontSize(10).text(appendixLabels.intro, { width, lineGap });
  doc.moveDown(1);
  if (appendix.reservations.length === 0 && appendix.threads.length === 0) {
    doc.font(face.italic).fontSize(bodySize).text(appendixLabels.nothingOpen, { width });
    return;
  }
  for (const [title, entries] of [
    [appendixLabels.reservations, appendix.reservations],
    [appendixLabels.threads, appendix.threads],
  ] as const) {
    if (entries.length === 0) continue;
    keepTogether(doc, 80);
    doc.font(face.bold).fontSize(13).fillColor(textColor).text(title, margin.left, doc.y, { width });
    doc.moveDown(0.4);
    for (const entry of entries) writeAppendixEntry(doc, entry, width);
    doc.moveDown(0.6);
  }
}

/** A page listing the open suggestions, when the letter has any: the PDF's text leaves them out. */
function writeSuggestionAppendix(doc: Pdf, entries: AppendixEntry[], language: string): void {
  if (entries.length === 0) return;
  const suggestionAppendixLabels = suggestionAppendixLabelsIn(language);
  doc.addPage();
  const width = contentWidth(doc);
  doc.font(face.bold).fontSize(15).fillColor(textColor).text(suggestionAppendixLabels.heading, margin.left, margin.top, { width });
  doc.moveDown(0.5);
  doc.font(face.regular).fontSize(10).text(suggestionAppendixLabels.intro, { width, lineGap });
  doc.moveDown(1);
  for (const entry of entries) writeAppendixEntry(doc, entry, width);
}

function writeAppendixEntry(doc: Pdf, entry: AppendixEntry, width: number): void {
  keepTogether(doc, 60);
  doc.font(face.bold).fontSize(bodySize).fillColor(textColor).text(asDrawn(entry.heading), margin.left, doc.y, { width });
  if (entry.quote) doc.font(face.italic).fontSize(10).fillColor(mutedColor).text(`“${asDrawn(entry.quote)}”`, margin.left + listIndent, doc.y, { width: width - listIndent, lineGap });
  for (const line of entry.lines) {
    doc.font(face.regular).fontSize(9).fillColor(mutedColor).text(asDrawn(line.label), margin.left + listIndent, doc.y + 2, { width: width - listIndent });
    if (line.text) doc.font(face.regular).fontSize(10).fillColor(textColor).text(asDrawn(line.text), margin.left + listIndent, doc.y, { width: width - listIndent, lineGap });
  }
  doc.fillColor(textColor);
  doc.moveDown(0.6);
}

/** "Title · 2 / 5" at the foot of every page, so loose pages find their place. */
function writePageNumbers(doc: Pdf, title: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing into the bottom margin would otherwise make PDFKit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const label = `${title} · ${index + 1} / ${range.count}`;
    doc.font(face.regular).fontSize(8).fillColor(mutedColor).text(label, margin.left, doc.page.height - 40, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
