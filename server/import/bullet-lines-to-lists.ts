import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

/**
 * The bullet characters a line of prose may start with where a word processor or an e-mail wrote
 * a bulleted list as text: "•", "‣", "◦", "▪", "●", "⁃" and the en dash "–". Markdown's own markers
 * ("-", "*", "+") are lists already when the Markdown library reads the file.
 */
export const bulletCharacters = ['•', '‣', '◦', '▪', '●', '⁃', '–'] as const;

const bulletLine = new RegExp(`^[\\t ]*[${bulletCharacters.join('')}][\\t \\u00a0]+`, 'u');

/**
 * Turns lines that start with a bullet character into list items, in the syntax tree the Markdown
 * library read: a paragraph "Measures:\n• one\n• two" becomes the paragraph "Measures:" and a list
 * of two items, and paragraphs of one bullet line each, one after another, become one list.
 * Returns how many list items it made.
 */
export function bulletLinesToLists(root: Root): number {
  return convertChildren(root);
}

function convertChildren(parent: Nodes): number {
  if (!('children' in parent)) return 0;
  let made = 0;
  const children: RootContent[] = [];
  // The list made from the previous paragraph's bullet lines, which a next bullet paragraph continues.
  let openList: List | null = null;
  for (const child of parent.children as RootContent[]) {
    if (child.type !== 'paragraph') {
      made += convertChildren(child);
      children.push(child);
      openList = null;
      continue;
    }
    const split = splitParagraph(child);
    if (!split) {
      children.push(child);
      openList = null;
      continue;
    }
    made += split.items.length;
    if (split.lead) {
      children.push(split.lead);
      openList = null;
    }
    if (openList) {
      openList.children.push(...split.items);
    } else {
      openList = { type: 'list', ordered: false, spread: false, children: split.items };
      children.push(openList);
    }
  }
  (parent as { children: RootContent[] }).children = children;
  return made;
}

/** The paragraph's lines before the first bullet line, and one item per bullet line; null without any. */
function splitParagraph(paragraph: Paragraph): { lead: Paragraph | null; items: ListItem[] } | null {
  const lines = linesOf(paragraph.children);
  if (!lines.some(startsWithBullet)) return null;
  const lead: PhrasingContent[][] = [];
  const items: PhrasingContent[][][] = [];
  for (const line of lines) {
    if (startsWithBullet(line)) items.push([withoutBullet(line)]);
    // A line after a bullet line without a bullet of its own continues that item, as it did on paper.
    else if (items.length > 0) items.at(-1)!.push(line);
    else lead.push(line);
  }
  return {
    lead: lead.length > 0 ? { type: 'paragraph', children: joinLines(lead) } : null,
    items: items.map((itemLines) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: joinLines(itemLines) }] })),
  };
}

/** The paragraph's content cut at its line ends: soft line breaks inside text, and hard breaks. */
function linesOf(content: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of content) {
    if (node.type === 'break') {
      lines.push([]);
      continue;
    }
    if (node.type !== 'text') {
      lines.at(-1)!.push(node);
      continue;
    }
    node.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

function startsWithBullet(line: readonly PhrasingContent[]): boolean {
  const first = line[0];
  return first?.type === 'text' && bulletLine.test(first.value);
}

function withoutBullet(line: readonly PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = line;
  if (first?.type !== 'text') return [...line];
  const value = first.value.replace(bulletLine, '');
  return value ? [{ type: 'text', value }, ...rest] : rest;
}

/** Lines of one paragraph again, with the soft line breaks Markdown reads as spaces. */
function joinLines(lines: readonly PhrasingContent[][]): PhrasingContent[] {
  return lines.flatMap((line, index) => (index > 0 ? [{ type: 'text', value: '\n' } as PhrasingContent, ...line] : line));
}
