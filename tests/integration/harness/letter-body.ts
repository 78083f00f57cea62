import * as Y from 'yjs';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { newParagraphId } from '../../../shared/domain/paragraph-id.js';

/** The letter body, the Y.XmlFragment Tiptap's Collaboration extension binds to. */
export function bodyOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(bodyFieldName);
}

/** The whole body as XML: equal strings mean equal documents, structure and marks included. */
export function bodyXml(doc: Y.Doc): string {
  return bodyOf(doc).toString();
}

/** A paragraph holding `text`, built before it is inserted, as the editor builds one: with its id (`id`, or a fresh one). */
export function newParagraph(text: string, id: string = newParagraphId()): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', id);
  const content = new Y.XmlText();
  content.insert(0, text);
  paragraph.insert(0, [content]);
  return paragraph;
}

/** What `doc` gained by `change`, made to its body in one transaction: the one update a client would send for it. */
export function changeOf(doc: Y.Doc, change: (body: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(bodyOf(doc)));
  return Y.encodeStateAsUpdate(doc, before);
}

/** Adds a paragraph at the end of the body in one transaction (one update). */
export function appendParagraph(doc: Y.Doc, text: string, id?: string): Y.XmlElement {
  const paragraph = newParagraph(text, id);
  const body = bodyOf(doc);
  body.insert(body.length, [paragraph]);
  return paragraph;
}

/** The paragraphs directly in the body that hold text (the ones the random editors work on). */
export function textParagraphs(doc: Y.Doc): { paragraph: Y.XmlElement; text: Y.XmlText }[] {
  return bodyOf(doc)
    .toArray()
    .flatMap((node) => {
      if (!(node instanceof Y.XmlElement) || node.nodeName !== 'paragraph') return [];
      const text = node.get(0);
      return text instanceof Y.XmlText ? [{ paragraph: node, text }] : [];
    });
}

/** The plain text of every textblock, in order (lists and headings included). */
export function plainText(doc: Y.Doc): string {
  const parts: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) parts.push(node.toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
    else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) for (const child of node.toArray()) visit(child);
  };
  visit(bodyOf(doc));
  return parts.join('\n');
}

/** Whether every clock of `stateVector` is covered by `covering`. */
export function isCoveredBy(stateVector: Map<number, number>, covering: Map<number, number>): boolean {
  for (const [client, clock] of stateVector) if ((covering.get(client) ?? 0) < clock) return false;
  return true;
}

/** Where a caret sits: before everything in the body, or after everything. */
export type BodyEdge = 'start' | 'end';

/**
 * A caret as the editor puts it in presence (`cursor`): two Yjs relative positions as JSON, here
 * at an edge of the body, which every copy of the letter can resolve.
 */
export function bodyCaret(anchor: BodyEdge, head: BodyEdge): { anchor: unknown; head: unknown } {
  const position = (edge: BodyEdge) => ({ type: null, tname: bodyFieldName, item: null, assoc: edge === 'start' ? -1 : 0 });
  return { anchor: position(anchor), head: position(head) };
}
