import * as Y from 'yjs';
import { textBlockTypes } from '../../shared/domain/editor-extensions.js';

const isTextBlockName = (name: string) => (textBlockTypes as readonly string[]).includes(name);

/**
 * How much an update makes the letter grow: the paragraphs it creates and the characters it adds
 * to each paragraph (named by the item that holds the paragraph's type, in the document or in the
 * update). Filled while the update guard places each new item, so it costs nothing beyond it.
 */
export class TextGrowth {
  createdParagraphs = 0;
  readonly addedCharacters = new Map<Y.Item, number>();

  /** A new item in a node (`block` is null for the body). */
  noteInNode(item: Y.Item, parentSub: string | null): void {
    const content = item.content;
    if (parentSub !== null || !(content instanceof Y.ContentType)) return;
    if (content.type instanceof Y.XmlElement && isTextBlockName(content.type.nodeName)) this.createdParagraphs++;
  }

  /** A new item in a paragraph's text; `block` holds the paragraph, or is null outside one. */
  noteInText(item: Y.Item, block: Y.Item | null): void {
    if (block === null || !(item.content instanceof Y.ContentString)) return;
    this.addedCharacters.set(block, (this.addedCharacters.get(block) ?? 0) + item.content.str.length);
  }
}

/** Characters a paragraph of the document holds now; 0 for one the update creates. */
export function currentParagraphLength(block: Y.Item): number {
  const type = (block.content as Y.ContentType).type;
  // A type decoded from the update is not part of the document yet.
  if (type.doc === null || !(type instanceof Y.XmlElement)) return 0;
  let length = 0;
  for (let child = type._start; child !== null; child = child.right) {
    if (child.deleted || !(child.content instanceof Y.ContentType)) continue;
    const childType = child.content.type;
    if (childType instanceof Y.XmlText) length += childType.length;
  }
  return length;
}
