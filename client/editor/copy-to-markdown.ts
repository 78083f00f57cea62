import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';

/** One stretch of a textblock as Yjs holds it: text with the editor's marks, or an inline node (a line break). */
interface DeltaInsert {
  insert: string | object;
  attributes?: { bold?: unknown; italic?: unknown; link?: { href?: unknown } };
}

/**
 * A letter's text as this browser holds it, as Markdown: headings, paragraphs, lists, bold,
 * italic, links and line breaks. It is what the person downloads when the server refuses their
 * copy (the letter was restored from a backup), so that no text of theirs is lost.
 */
export function copyToMarkdown(doc: Y.Doc, title: string): string {
  const body = doc.getXmlFragment(bodyFieldName).toArray().flatMap(block);
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] }, ...body];
  return toMarkdown({ type: 'root', children }, { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one' });
}

function block(node: Y.XmlElement | Y.XmlText | Y.XmlHook): RootContent[] {
  if (!(node instanceof Y.XmlElement)) return [];
  switch (node.nodeName) {
    case 'paragraph':
      return [{ type: 'paragraph', children: phrasing(node) }];
    case 'heading': {
      const level = Math.min(Math.max(Number(node.getAttribute('level') ?? 2), 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
      return [{ type: 'heading', depth: level, children: phrasing(node) }];
    }
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: 'list',
          ordered: node.nodeName === 'orderedList',
          spread: false,
          children: node.toArray().map((item): ListItem => ({
            type: 'listItem',
            spread: false,
            children: item instanceof Y.XmlElement ? (item.toArray().flatMap(block) as BlockContent[]) : [],
          })),
        },
      ];
    default:
      // Anything else the schema may hold: keep its text rather than drop it.
      return node.toArray().flatMap(block);
  }
}

function phrasing(textblock: Y.XmlElement): PhrasingContent[] {
  return textblock.toArray().flatMap((child) => {
    if (!(child instanceof Y.XmlText)) return [];
    return (child.toDelta() as DeltaInsert[]).map((op): PhrasingContent => {
      if (typeof op.insert !== 'string') return { type: 'break' };
      let content: PhrasingContent = { type: 'text', value: op.insert };
      if (op.attributes?.italic) content = { type: 'emphasis', children: [content] };
      if (op.attributes?.bold) content = { type: 'strong', children: [content] };
      const href = op.attributes?.link?.href;
      if (typeof href === 'string') content = { type: 'link', url: href, children: [content] };
      return content;
    });
  });
}
