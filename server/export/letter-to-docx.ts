import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { exportFont, exportFontFamily } from './export-font.js';
import { inlineRuns, shownSuggestion, type InlineRun } from './inline-runs.js';
import { appendixLabelsIn } from './annotation-appendix.js';
import type { LetterAnnotations } from './letter-annotations.js';
import { letterLayout, type LetterLayout } from './letter-layout.js';
import type { LetterSnapshot } from './letter-snapshot.js';
import { suggestionAuthor, type SuggestionAuthors } from './letter-suggestions.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { withWritableText } from './writable-text.js';

const orderedListReference = 'letter-ordered-list';
const mutedColor = '555555';
const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/**
 * The letter as a Word document: letterhead, addressees, title, subject, the body with its
 * headings, lists, emphasis and links, and the signature blocks in signing order. A signed letter
 * gets a last page with the record of final signatures. The font travels inside the file. Open
 * suggestions are Word's tracked changes (insertions and deletions by "Name (Country)", dated), so
 * Word shows them, and accepts or rejects them, as its own.
 */
export async function letterToDocx(given: LetterSnapshot): Promise<Uint8Array> {
  const snapshot = withWritableText(given);
  const layout = letterLayout(snapshot);
  const font = exportFont();
  const comments = wordComments(snapshot.annotations ?? null, appendixLabelsIn(layout.language).onDeletedText);
  // Comments and tracked changes are both annotations with ids: one numbering keeps them apart.
  const counter: BlockContext = { orderedLists: 0, marks: comments.marks, changes: { nextId: comments.entries.length, authors: snapshot.suggestionAuthors } };
  const document = new Document({
    title: layout.title,
    creator: 'Jointly',
    ...(comments.entries.length > 0 ? { comments: { children: comments.entries } } : {}),
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
          ...(layout.date ? [new Paragraph({ text: `${layout.labels.date} ${layout.date}`, spacing: { after: 240 } })] : []),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            spacing: { before: 240, after: 120 },
            children: withCommentMarks(
              [{ kind: 'text', text: layout.title, isBold: false, isItalic: false, href: null, suggestions: { insertion: null, deletion: null } }],
              comments.onTitle,
              counter.changes,
              { size: 34 },
            ),
          }),
          ...(layout.subject ? [new Paragraph({ children: [new TextRun({ text: `${layout.labels.subject} `, bold: true }), new TextRun(layout.subject)] })] : []),
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
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: layout.labels.addressees, color: mutedColor })] }),
    ...layout.addressees.map((line) => new Paragraph({ text: line })),
  ];
}

function block(node: JSONContent, listLevel: number, counter: BlockContext): Paragraph[] {
  switch (node.type) {
    case 'paragraph':
      return [new Paragraph({ children: inline(node, counter), spacing: { after: 160 } })];
    case 'heading':
      return [new Paragraph({ heading: headingLevels[Math.min(Math.max(Number(node.attrs?.['level'] ?? 2), 1), 3) - 1], children: inline(node, counter) })];
    case 'bulletList':
    case 'orderedList': {
      // Every ordered list counts from its own start, not on from the previous one.
      const instance = node.type === 'orderedList' ? ++counter.orderedLists : 0;
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? []).flatMap((child, index) => {
          if (child.type !== 'paragraph') return block(child, listLevel + 1, counter);
          // Only an item's first paragraph carries the bullet or number; the others are indented text.
          if (index > 0) return [new Paragraph({ children: inline(child, counter), indent: { left: 720 * (listLevel + 1) } })];
          return [
            new Paragraph({
              children: inline(child, counter),
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

/** Where in the body a Word comment's range starts and ends. */
interface CommentMark {
  id: number;
  /** Offsets in the paragraph's plain text (a line break counts one). */
  from: number;
  to: number;
}

/** How tracked changes are written: the next free annotation id, and who proposed what. */
interface TrackedChanges {
  nextId: number;
  authors: SuggestionAuthors | undefined;
}

interface BlockContext {
  orderedLists: number;
  /** The comment ranges of each paragraph, by paragraph id. */
  marks: ReadonlyMap<string, CommentMark[]>;
  changes: TrackedChanges;
}

function inline(node: JSONContent, context: BlockContext): ParagraphChild[] {
  const id = node.attrs?.['id'];
  return withCommentMarks(inlineRuns(node), typeof id === 'string' ? (context.marks.get(id) ?? []) : [], context.changes);
}

function runLength(run: InlineRun): number {
  return run.kind === 'break' ? 1 : run.text.length;
}

/**
 * The runs of a paragraph with each comment's range around the words it is about: text runs are
 * split where a range starts or ends, and the comment's reference follows the range's end.
 */
function withCommentMarks(runs: InlineRun[], marks: readonly CommentMark[], changes: TrackedChanges, style: { size?: number } = {}): ParagraphChild[] {
  const length = runs.reduce((sum, run) => sum + runLength(run), 0);
  const clamped = marks.map((mark) => ({ id: mark.id, from: Math.min(mark.from, length), to: Math.min(Math.max(mark.to, mark.from), length) }));
  const children: ParagraphChild[] = [];
  const boundary = (offset: number) => {
    for (const mark of clamped) if (mark.from === offset) children.push(new CommentRangeStart(mark.id));
    for (const mark of clamped) {
      if (mark.to === offset) children.push(new CommentRangeEnd(mark.id), new TextRun({ children: [new CommentReference(mark.id)] }));
    }
  };
  const cuts = [...new Set(clamped.flatMap((mark) => [mark.from, mark.to]))];
  let offset = 0;
  boundary(0);
  for (const run of runs) {
    if (run.kind === 'break') {
      children.push(asTracked(run, { break: 1 }, changes));
      offset += 1;
      boundary(offset);
      continue;
    }
    const inside = cuts.filter((cut) => cut > offset && cut < offset + run.text.length).sort((a, b) => a - b);
    let start = offset;
    for (const cut of [...inside, offset + run.text.length]) {
      children.push(textRun(run, run.text.slice(start - offset, cut - offset), style, changes));
      boundary(cut);
      start = cut;
    }
    offset += run.text.length;
  }
  return children;
}

function textRun(run: Extract<InlineRun, { kind: 'text' }>, text: string, style: { size?: number }, changes: TrackedChanges): ParagraphChild {
  const piece = asTracked(run, { text, bold: run.isBold, italics: run.isItalic, ...style, ...(run.href ? { style: 'Hyperlink' } : {}) }, changes);
  return run.href ? new ExternalHyperlink({ link: run.href, children: [piece] }) : piece;
}

type RunOptions = ConstructorParameters<typeof TextRun>[0] & object;

/**
 * A run of text as Word writes it: plain, or inside a tracked insertion (`w:ins`) or deletion
 * (`w:del`, its words as `w:delText`) with the proposer's name and the time of the proposal. Words
 * proposed by one office and proposed for deletion by another go out as the deletion.
 */
function asTracked(run: InlineRun, options: RunOptions, changes: TrackedChanges): TextRun | InsertedTextRun | DeletedTextRun {
  const suggestion = shownSuggestion(run);
  if (!suggestion) return new TextRun(options);
  const change = {
    id: changes.nextId++,
    author: suggestionAuthor(changes.authors, suggestion.attrs),
    // Word's own form: seconds, UTC.
    date: new Date(suggestion.attrs.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  return suggestion.kind === SuggestionKind.insertion ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change });
}

/**
 * The open threads as Word comments: the first comment of a thread on its passage (or on its whole
 * paragraph), each reply threaded under it on the same range. A thread whose paragraph is gone
 * sits on the title. Comment text is plain text: the library writes it as text, never as markup.
 */
function wordComments(annotations: LetterAnnotations | null, onDeletedText: string): {
  entries: ICommentOptions[];
  marks: Map<string, CommentMark[]>;
  onTitle: CommentMark[];
} {
  const entries: ICommentOptions[] = [];
  const marks = new Map<string, CommentMark[]>();
  const onTitle: CommentMark[] = [];
  let nextId = 0;
  for (const thread of annotations?.threads ?? []) {
    const firstId = nextId;
    thread.comments.forEach((comment, index) => {
      const id = nextId++;
      const lead = index === 0 && thread.isOnDeletedText ? [`${onDeletedText}: “${thread.quote}”`] : [];
      entries.push({
        id,
        author: comment.author,
        initials: initialsOf(comment.author),
        date: new Date(comment.at),
        ...(index > 0 ? { parentId: firstId } : {}),
        children: [...lead, ...comment.body.split('\n')].map((line) => new Paragraph({ children: [new TextRun(line)] })),
      });
      const range = thread.passage ?? { from: 0, to: Number.MAX_SAFE_INTEGER };
      const mark = { id, ...range };
      if (thread.paragraphId === null) onTitle.push(mark);
      else marks.set(thread.paragraphId, [...(marks.get(thread.paragraphId) ?? []), mark]);
    });
  }
  return { entries, marks, onTitle };
}

function initialsOf(author: string): string {
  const name = author.replace(/\s*\(.*\)$/, '');
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 4);
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
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: layout.labels.signatureRecord }),
    new Paragraph({ text: layout.labels.signatureRecordIntro, spacing: { after: 240 } }),
    ...record.rows.map(
      (row) =>
        new Paragraph({
          spacing: { after: 160 },
          children: [
            new TextRun({ text: row.officeName, bold: true }),
            new TextRun({ text: `${layout.labels.signedBy} ${row.by}, ${row.at}`, break: 1 }),
            ...(row.otherHash ? [new TextRun({ text: `${layout.labels.boundToOtherText} ${row.otherHash}).`, break: 1 })] : []),
          ],
        }),
    ),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: layout.labels.letterHash, bold: true }), new TextRun({ text: record.letterHash, break: 1 })] }),
  ];
}
