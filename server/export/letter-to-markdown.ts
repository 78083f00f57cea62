import type { JSONContent } from '@tiptap/core';
import type { BlockContent, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { inlineRuns, shownSuggestion, type InlineRun } from './inline-runs.js';
import { formatRecordedAt } from './export-dates.js';
import { letterLayout, officeLine } from './letter-layout.js';
import type { LetterSnapshot } from './letter-snapshot.js';
import { suggestionAuthor, type SuggestionAuthors } from './letter-suggestions.js';
import { withWritableText } from './writable-text.js';

/** CriticMarkup's delimiters: `{++added++}`, `{--removed--}`, each followed by `{>>who, when<<}`. */
const criticMarkup = {
  [SuggestionKind.insertion]: ['{++', '++}'],
  [SuggestionKind.deletion]: ['{--', '--}'],
  comment: ['{>>', '<<}'],
} as const;

/**
 * The letter as Markdown, laid out so that importing it gives the same letter back: the letterhead
 * as one line per office, "To:" with a list, the title as the only level-1 heading, "Subject:", the
 * body, and one paragraph per signature block. A signed letter ends with the record of signatures.
 * Open suggestions are written in CriticMarkup, each followed by who proposed it and when; braces
 * in the text are escaped, so that no words of the letter read as a suggestion.
 */
export function letterToMarkdown(given: LetterSnapshot): string {
  const snapshot = withWritableText(given);
  const layout = letterLayout(snapshot);
  const block = (node: JSONContent) => blockOf(node, { authors: snapshot.suggestionAuthors, language: layout.language });
  const children: RootContent[] = [];
  if (layout.letterhead.length > 0) children.push(lines(layout.letterhead.map((entry) => officeLine(entry.name, entry.nameEn))));
  if (layout.addressees.length > 0) {
    children.push(paragraph([text(layout.labels.addressees)]));
    children.push({ type: 'list', ordered: false, spread: false, children: layout.addressees.map((line) => listItem([paragraph([text(line)])])) });
  }
  if (layout.date) children.push(paragraph([text(`${layout.labels.date} ${layout.date}`)]));
  children.push({ type: 'heading', depth: 1, children: [text(layout.title)] });
  if (layout.subject) children.push(paragraph([text(`${layout.labels.subject} ${layout.subject}`)]));
  if (layout.versionNote) children.push(paragraph([{ type: 'emphasis', children: [text(layout.versionNote)] }]));
  children.push(...layout.body.flatMap(block));
  for (const signature of layout.signatureBlocks) {
    children.push(lines([signature.signerName, signature.capacity, officeLine(signature.officeName, signature.officeNameEn)].filter(Boolean)));
  }
  if (layout.signatureRecord) {
    children.push({ type: 'heading', depth: 2, children: [text(layout.labels.signatureRecord)] });
    children.push(paragraph([text(layout.labels.signatureRecordIntro)]));
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: layout.signatureRecord.rows.map((row) =>
        listItem([
          paragraph([
            { type: 'strong', children: [text(row.officeName)] },
            text(`: ${layout.labels.signedBy} ${row.by}, ${row.at}`),
            ...(row.otherHash ? [text(`. ${layout.labels.boundToOtherText} `), { type: 'inlineCode' as const, value: row.otherHash }, text(').')] : []),
          ]),
        ]),
      ),
    });
    children.push(paragraph([text(`${layout.labels.letterHash} `), { type: 'inlineCode', value: layout.signatureRecord.letterHash }]));
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    listItemIndent: 'one',
    rule: '-',
    // CriticMarkup's delimiters are the only braces the file may hold unescaped.
    unsafe: [{ character: '{' }, { character: '}' }],
  });
}

/** Who proposed the open suggestions, and the language their times are written in. */
interface SuggestionContext {
  authors: SuggestionAuthors | undefined;
  language: string;
}

function blockOf(node: JSONContent, context: SuggestionContext): RootContent[] {
  const block = (child: JSONContent) => blockOf(child, context);
  switch (node.type) {
    case 'paragraph':
      return [paragraph(phrasing(node, context))];
    case 'heading':
      // Levels as in the editor, where body headings usually start at 2 below the letter's title.
      return [{ type: 'heading', depth: Math.min(Math.max(Number(node.attrs?.['level'] ?? 2), 1), 3) as 1 | 2 | 3, children: phrasing(node, context) }];
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.['start'] ?? 1);
      return [
        {
          type: 'list',
          ordered: node.type === 'orderedList',
          ...(node.type === 'orderedList' ? { start } : {}),
          spread: false,
          children: (node.content ?? []).map((item) => listItem((item.content ?? []).flatMap(block) as BlockContent[])),
        },
      ];
    }
    default:
      return [];
  }
}

/** The runs of a block, those of one suggestion together between CriticMarkup's delimiters. */
function phrasing(node: JSONContent, { authors, language }: SuggestionContext): PhrasingContent[] {
  const groups: { key: string; runs: InlineRun[] }[] = [];
  for (const run of inlineRuns(node)) {
    const shown = shownSuggestion(run);
    const key = shown ? `${shown.kind} ${shown.attrs.id}` : '';
    const last = groups.at(-1);
    if (last && last.key === key) last.runs.push(run);
    else groups.push({ key, runs: [run] });
  }
  return groups.flatMap(({ runs }): PhrasingContent[] => {
    const shown = shownSuggestion(runs[0]!);
    if (!shown) return linked(runs);
    const [open, close] = criticMarkup[shown.kind];
    const who = `${suggestionAuthor(authors, shown.attrs)}, ${formatRecordedAt(shown.attrs.time, language)}${shown.attrs.note ? `; ${shown.attrs.note}` : ''}`;
    return [raw(open), ...linked(runs), raw(close), raw(criticMarkup.comment[0]), text(who), raw(criticMarkup.comment[1])];
  });
}

/** Markup written as it stands: only the delimiters, never words of the letter. */
function raw(value: string): PhrasingContent {
  return { type: 'html', value };
}

/** Runs with the same link target share one link; bold and italic wrap each run. */
function linked(runs: readonly InlineRun[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  let link: { href: string; children: PhrasingContent[] } | null = null;
  for (const run of runs) {
    const href = run.kind === 'text' ? run.href : null;
    if (link && href !== link.href) {
      result.push({ type: 'link', url: link.href, children: link.children });
      link = null;
    }
    if (href && !link) link = { href, children: [] };
    (link ? link.children : result).push(formatted(run));
  }
  if (link) result.push({ type: 'link', url: link.href, children: link.children });
  return result;
}

function formatted(run: InlineRun): PhrasingContent {
  if (run.kind === 'break') return { type: 'break' };
  let node: PhrasingContent = text(run.text);
  if (run.isItalic) node = { type: 'emphasis', children: [node] };
  if (run.isBold) node = { type: 'strong', children: [node] };
  return node;
}

function lines(values: string[]): Paragraph {
  return paragraph(values.flatMap((value, index): PhrasingContent[] => (index === 0 ? [text(value)] : [{ type: 'break' }, text(value)])));
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function listItem(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}
