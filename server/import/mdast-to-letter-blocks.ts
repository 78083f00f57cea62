import { randomUUID } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import type { Definition, FootnoteDefinition, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { ImportWarningCode, type ImportWarning } from '../../shared/api/import-warnings.js';
import { paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import { isAllowedLinkHref } from '../../shared/domain/link-policy.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { markerPattern } from './word-tracked-changes.js';

/** Lists nested deeper than this are flattened into their parent: the editor's nesting limit is far off. */
const maxListDepth = 5;

type Mark = NonNullable<JSONContent['marks']>[number];

/**
 * What the words of one tracked change of a Word file become: a suggestion (its mark), or, for a
 * person who may not suggest, the text as Word shows it with the change accepted: inserted words
 * kept as plain text, deleted words left out.
 */
export type ChangeReading = { mark: Mark } | { accepted: SuggestionKind };

/** A letter's body as read from a file, before addressees and signatures are taken out of it. */
export interface LetterBlocks {
  /** Top-level blocks of the body, every paragraph and heading with a fresh id. */
  blocks: JSONContent[];
  /** Footnotes in the order of their first reference; each is numbered `[n]` in the text. */
  notes: JSONContent[][];
  /** What the file had that a letter cannot hold, in words for the person importing it. */
  warnings: ImportWarning[];
}

/** A paragraph or heading with a fresh id, as the editor would give one that is typed. */
export function textBlock(type: 'paragraph' | 'heading', content: JSONContent[], attrs: Record<string, unknown> = {}): JSONContent {
  const block: JSONContent = { type, attrs: { ...attrs, [paragraphIdAttribute]: randomUUID() } };
  if (content.length > 0) block.content = content;
  return block;
}

/**
 * Turns a Markdown syntax tree (from a Markdown file, or from a Word file by way of HTML) into the
 * blocks of a letter. The editor's schema has no footnotes, code, quotes, tables or images: footnotes
 * become numbered notes, the others plain paragraphs or nothing, each with a warning.
 */
export function mdastToLetterBlocks(root: Root, changes: readonly ChangeReading[] = []): LetterBlocks {
  return new Converter(root, changes).convert();
}

class Converter {
  private readonly definitions = new Map<string, Definition>();
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly noteNumbers = new Map<string, number>();
  private readonly warnings = new Set<ImportWarningCode>();
  /** The tracked changes whose words the text being read is part of (a Word file's markers). */
  private openChanges: number[] = [];

  constructor(
    private readonly root: Root,
    private readonly changes: readonly ChangeReading[],
  ) {
    for (const node of root.children) {
      if (node.type === 'definition') this.definitions.set(node.identifier, node);
      if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node);
    }
  }

  convert(): LetterBlocks {
    const blocks = this.flow(this.root.children, 0);
    // A note may itself refer to a later note: number them until no new ones appear.
    const notes: JSONContent[][] = [];
    for (let index = 0; index < this.noteNumbers.size; index++) {
      const identifier = Array.from(this.noteNumbers.keys())[index]!;
      const definition = this.footnotes.get(identifier)!;
      const paragraphs = this.flow(definition.children, maxListDepth).filter((block) => block.type === 'paragraph' || block.type === 'heading');
      notes.push(paragraphs.map((block) => textBlock('paragraph', block.content ?? [])));
    }
    return { blocks, notes, warnings: Array.from(this.warnings, (code) => ({ code })) };
  }

  private flow(nodes: readonly RootContent[], listDepth: number): JSONContent[] {
    return nodes.flatMap((node) => this.block(node, listDepth));
  }

  private block(node: RootContent, listDepth: number): JSONContent[] {
    switch (node.type) {
      case 'paragraph':
        return nonEmpty([textBlock('paragraph', trimEdges(this.blockInline(node.children)))]);
      case 'heading':
        // The editor has three heading levels; deeper ones keep their place as level 3.
        return nonEmpty([textBlock('heading', trimEdges(this.blockInline(node.children)), { level: Math.min(node.depth, 3) })]);
      case 'list':
        return this.list(node.ordered === true, node.start ?? 1, node.children, listDepth);
      case 'blockquote':
        this.warnings.add(ImportWarningCode.quotationsFlattened);
        return this.flow(node.children, listDepth);
      case 'code':
        this.warnings.add(ImportWarningCode.codeBlocksFlattened);
        return nonEmpty([textBlock('paragraph', linesToInline(node.value, []))]);
      case 'table':
        this.warnings.add(ImportWarningCode.tablesFlattened);
        return node.children.map((row) =>
          textBlock('paragraph', row.children.flatMap((cell, index) => [...(index > 0 ? [text(' | ', [])] : []), ...this.blockInline(cell.children)])),
        );
      case 'html':
        return nonEmpty([textBlock('paragraph', linesToInline(stripTags(node.value), []))]);
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        return [];
      default:
        return 'children' in node ? this.flow(node.children as RootContent[], listDepth) : [];
    }
  }

  private list(ordered: boolean, start: number, items: readonly Nodes[], listDepth: number): JSONContent[] {
    const listItems = items.flatMap((item) => (item.type === 'listItem' ? [item] : []));
    if (listDepth >= maxListDepth) return listItems.flatMap((item) => this.flow(item.children, listDepth));
    const content = listItems.map((item) => {
      const children = this.flow(item.children, listDepth + 1);
      // A list item starts with a paragraph; a heading or nested list first gets an empty one.
      const first = children[0];
      if (first?.type === 'heading') children[0] = textBlock('paragraph', first.content ?? []);
      else if (first?.type !== 'paragraph') children.unshift(textBlock('paragraph', []));
      return { type: 'listItem', content: children };
    });
    if (content.length === 0) return [];
    if (!ordered) return [{ type: 'bulletList', content }];
    return [{ type: 'orderedList', attrs: start === 1 ? {} : { start }, content }];
  }

  /** The words of one block: a tracked change never reaches past its paragraph (or table cell). */
  private blockInline(nodes: readonly PhrasingContent[]): JSONContent[] {
    this.openChanges = [];
    const content = this.inline(nodes, []);
    this.openChanges = [];
    return content;
  }

  private inline(nodes: readonly PhrasingContent[], marks: Mark[]): JSONContent[] {
    return mergeText(nodes.flatMap((node) => this.phrasing(node, marks)));
  }

  private phrasing(node: PhrasingContent, marks: Mark[]): JSONContent[] {
    switch (node.type) {
      case 'text':
        // A single line break in Markdown source is a space when read.
        return this.trackedText(node.value.replace(/\s*\n\s*/g, ' '), marks);
      case 'emphasis':
        return this.inline(node.children, withMark(marks, { type: 'italic' }));
      case 'strong':
        return this.inline(node.children, withMark(marks, { type: 'bold' }));
      case 'delete':
        return this.inline(node.children, marks);
      case 'inlineCode':
        return [text(node.value, marks)];
      case 'break':
        return this.withChanges([{ type: 'hardBreak' }]);
      case 'link':
        return this.link(node.url, node.children, marks);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier);
        return definition ? this.link(definition.url, node.children, marks) : this.inline(node.children, marks);
      }
      case 'footnoteReference':
        return [text(`[${this.noteNumber(node.identifier, node.label ?? node.identifier)}]`, marks)];
      case 'image':
      case 'imageReference':
        this.warnings.add(ImportWarningCode.imagesLeftOut);
        return [];
      case 'html':
        return /^<br\s*\/?>$/i.test(node.value.trim()) ? [{ type: 'hardBreak' }] : [];
      default:
        return [];
    }
  }

  /** Text of a Word file, split at the markers of its tracked changes; any other text as it is. */
  private trackedText(value: string, marks: Mark[]): JSONContent[] {
    if (this.changes.length === 0) return [text(value, marks)];
    const pieces: JSONContent[] = [];
    let from = 0;
    for (const match of value.matchAll(markerPattern)) {
      pieces.push(...this.withChanges([text(value.slice(from, match.index), marks)]));
      const number = Number(match[2]);
      this.openChanges = this.openChanges.filter((open) => open !== number);
      if (match[1] === '\uFDD0' && this.changes[number]) this.openChanges.push(number);
      from = match.index + match[0].length;
    }
    pieces.push(...this.withChanges([text(value.slice(from), marks)]));
    return pieces;
  }

  /** Inline nodes inside the open tracked changes: marked as suggestions, or as Word reads them accepted. */
  private withChanges(nodes: JSONContent[]): JSONContent[] {
    let added: Mark[] = [];
    for (const number of this.openChanges) {
      const reading = this.changes[number]!;
      if ('accepted' in reading) {
        if (reading.accepted === SuggestionKind.deletion) return [];
      } else if (!added.some((mark) => mark.type === reading.mark.type)) {
        added = [...added, reading.mark];
      }
    }
    if (added.length === 0) return nodes;
    return nodes.map((node) => ({ ...node, marks: [...(node.marks ?? []), ...added] }));
  }

  private link(url: string, children: PhrasingContent[], marks: Mark[]): JSONContent[] {
    if (!isAllowedLinkHref(url)) {
      this.warnings.add(ImportWarningCode.linksMadePlain);
      return this.inline(children, marks);
    }
    return this.inline(children, withMark(marks, { type: 'link', attrs: { href: url.trim() } }));
  }

  private noteNumber(identifier: string, label: string): number | string {
    if (!this.footnotes.has(identifier)) return `^${label}`;
    if (!this.noteNumbers.has(identifier)) this.noteNumbers.set(identifier, this.noteNumbers.size + 1);
    return this.noteNumbers.get(identifier)!;
  }
}

function text(value: string, marks: Mark[]): JSONContent {
  return marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((existing) => existing.type === mark.type) ? marks : [...marks, mark];
}

/** Joins neighbouring runs with the same marks and drops empty ones: ProseMirror has no empty text nodes. */
function mergeText(content: JSONContent[]): JSONContent[] {
  const merged: JSONContent[] = [];
  for (const node of content) {
    if (node.type === 'text' && !node.text) continue;
    const last = merged.at(-1);
    if (last?.type === 'text' && node.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      merged[merged.length - 1] = { ...last, text: `${last.text}${node.text}` };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

/**
 * Spaces at the start and end of a paragraph, and runs of spaces (often where an image was left
 * out), are invisible when Markdown or Word is read: they go.
 */
function trimEdges(content: JSONContent[]): JSONContent[] {
  const trimmed = mergeText(content).map((node) => (node.type === 'text' ? { ...node, text: node.text!.replace(/ {2,}/g, ' ') } : node));
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { ...first, text: first.text!.trimStart() };
  const last = trimmed.at(-1);
  if (last?.type === 'text') trimmed[trimmed.length - 1] = { ...last, text: last.text!.trimEnd() };
  return mergeText(trimmed);
}

function linesToInline(value: string, marks: Mark[]): JSONContent[] {
  return mergeText(value.split('\n').flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), text(line, marks)]));
}

function stripTags(value: string): string {
  return value.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '').trim();
}

/** Drops paragraphs that ended up with no content at all: they were images or markup. */
function nonEmpty(blocks: JSONContent[]): JSONContent[] {
  return blocks.filter((block) => (block.content?.length ?? 0) > 0);
}
