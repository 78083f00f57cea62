import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../../shared/domain/letter-schema.js';

/** A letter every server of a round starts from: the same id and the same stored state. */
export interface BenchLetter {
  id: string;
  state: Uint8Array;
}

const sentence = 'The ministers agree that a common answer at the external border serves every Member State. ';

/** A Y.Doc holding `paragraphs` paragraphs of about `characters` characters, as the editor builds them. */
export function letterDoc(paragraphs: number, characters: number): Y.Doc {
  const text = sentence.repeat(Math.ceil(characters / sentence.length)).slice(0, characters);
  const content = Array.from({ length: paragraphs }, (_, i) => ({
    type: 'paragraph',
    attrs: { id: `p${i}` },
    content: [{ type: 'text', text: `${i}. ${text}` }],
  }));
  return prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content }, bodyFieldName);
}

/** `count` letters with the same text and fresh ids. */
export function benchLetters(count: number, paragraphs: number, characters: number): BenchLetter[] {
  const state = Y.encodeStateAsUpdate(letterDoc(paragraphs, characters));
  return Array.from({ length: count }, () => ({ id: randomUUID(), state }));
}

/** The text of paragraph `index` of a letter's body, where an editor types. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(bodyFieldName).get(index);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} holds no text`);
  return text;
}
