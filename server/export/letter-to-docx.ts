import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { exportFont, exportFontFamily } from './export-font.js';
import { inlineRuns } from './inline-runs.js';
import { exportLabels, letterLayout, type LetterLayout } from './letter-layout.js';
import type { LetterSnapshot } from './letter-snapshot.js';

const orderedListReference = 'letter-ordered-list';
const mutedColor = '555555';
const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/**
 * The letter as a Word document: letterhead, addressees, title, subject, the body with its
 * headings, lists, emphasis and links, and the signature blocks in signing order. A signed letter
 * gets a last page with the record of final signatures. The font travels inside the file.
 */
export async function letterToDocx(snapshot: LetterSnapshot): Promise<Uint8Array> {
  const layout = letterLayout(snapshot);
  const font = exportFont();
  const counter = { orderedLists: 0 };
  const document = new Document({
    title: layout.title,
    creator: 'Jointly',
    fonts: [{ name: exportFontFamily, data: font.regular, bold: font.bold, italic: font.italic, boldItalic: font.boldItalic }],
    styles: { default: { document: { run: { font: exportFontFamily, size: 22 } } } },
    numbering: {
      config: [
        {
          reference: orderedListReference,
          levels: [0, 1, 2, 3, 4].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        children: [
          ...letterhead(layout),
          ...addressees(layout),
          ...(layout.date ? [new Paragraph({ text: `${exportLabels.date} ${layout.date}`, spacing: { after: 240 } })] : []),
          new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: layout.title, size: 34 })] }),
          ...(layout.subject ? [new Paragraph({ children: [new TextRun({ text: `${exportLabels.subject} `, bold: true }), new TextRun(layout.subject)] })] : []),
          ...(layout.versionNote ? [new Paragraph({ children: [new TextRun({ text: layout.versionNote, italics: true, color: mutedColor })] })] : []),
          ...layout.body.flatMap((node) => block(node, 0, counter)),
          ...signatureBlocks(layout),
          ...signatureRecord(layout),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function letterhead(layout: LetterLayout): Paragraph[] {
  return layout.letterhead.map(
    (entry) =>
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 24, color: entry.color.slice(1), space: 4 } },
        spacing: { after: 120 },
        children: [
          new TextRun({ text: entry.name, bold: true }),
          ...(entry.nameEn ? [new TextRun({ text: entry.nameEn, color: mutedColor, size: 20, break: 1 })] : []),
        ],
      }),
  );
}

function addressees(layout: LetterLayout): Paragraph[] {
  if (layout.addressees.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: exportLabels.addressees, color: mutedColor })] }),
    ...layout.addressees.map((line) => new Paragraph({ text: line })),
  ];
}

function block(node: JSONContent, listLevel: number, counter: { orderedLists: number }): Paragraph[] {
  switch (node.type) {
    case 'paragraph':
      return [new Paragraph({ children: inline(node), spacing: { after: 160 } })];
    case 'heading':
      return [new Paragraph({ heading: headingLevels[Math.min(Math.max(Number(node.attrs?.['level'] ?? 2), 1), 3) - 1], children: inline(node) })];
    case 'bulletList':
    case 'orderedList': {
      // Every ordered list counts from its own start, not on from the previous one.
      const instance = node.type === 'orderedList' ? ++counter.orderedLists : 0;
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? []).flatMap((child, index) => {
          if (child.type !== 'paragraph') return block(child, listLevel + 1, counter);
          // Only an item's first paragraph carries the bullet or number; the others are indented text.
          if (index > 0) return [new Paragraph({ children: inline(child), indent: { left: 720 * (listLevel + 1) } })];
          return [
            new Paragraph({
              children: inline(child),
              ...(node.type === 'orderedList'
                ? { numbering: { reference: orderedListReference, level: listLevel, instance } }
                : { bullet: { level: listLevel } }),
            }),
          ];
        }),
      );
    }
    default:
      return [];
  }
}

function inline(node: JSONContent): ParagraphChild[] {
  return inlineRuns(node).map((run) => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    const text = new TextRun({ text: run.text, bold: run.isBold, italics: run.isItalic, ...(run.href ? { style: 'Hyperlink' } : {}) });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/** One paragraph per block, its lines broken, so that the block reads back as one (and stays on one page). */
function signatureBlocks(layout: LetterLayout): Paragraph[] {
  return layout.signatureBlocks.flatMap((signature) => [
    // The ruled empty paragraph is where the minister signs.
    new Paragraph({ keepNext: true, spacing: { before: 720 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 1 } }, children: [] }),
    new Paragraph({
      keepLines: true,
      children: [
        new TextRun({ text: signature.signerName, bold: true }),
        ...(signature.capacity ? [new TextRun({ text: signature.capacity, break: 1 })] : []),
        new TextRun({ text: signature.officeName, color: mutedColor, break: 1 }),
        ...(signature.officeNameEn ? [new TextRun({ text: signature.officeNameEn, color: mutedColor, break: 1 })] : []),
      ],
    }),
  ]);
}

function signatureRecord(layout: LetterLayout): Paragraph[] {
  const record = layout.signatureRecord;
  if (!record) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: exportLabels.signatureRecord }),
    new Paragraph({ text: exportLabels.signatureRecordIntro, spacing: { after: 240 } }),
    ...record.rows.map(
      (row) =>
        new Paragraph({
          spacing: { after: 160 },
          children: [
            new TextRun({ text: row.officeName, bold: true }),
            new TextRun({ text: `${exportLabels.signedBy} ${row.by}, ${row.at}`, break: 1 }),
            ...(row.otherHash ? [new TextRun({ text: `${exportLabels.boundToOtherText} ${row.otherHash}).`, break: 1 })] : []),
          ],
        }),
    ),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: exportLabels.letterHash, bold: true }), new TextRun({ text: record.letterHash, break: 1 })] }),
  ];
}
