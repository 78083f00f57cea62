import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { paragraphHash, portableSha256Hex, type TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { RevisionWrite } from '../store/store.js';
import { nativeParagraphHash, nativeSha256Hex } from './native-paragraph-hash.js';
import { type ChangeOrigin, RevisionTracker } from './revision-tracker.js';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

/** Paragraphs whose canonical form is easy to get wrong: what browsers hash must be what the server stores. */
const tricky: Record<string, TextBlockJson> = {
  empty: { type: 'paragraph', attrs: { id: 'p-empty' } },
  'empty content': { type: 'paragraph', content: [] },
  'outside the basic plane': { type: 'paragraph', content: [text('Signed 𝔸 🇪🇪 👩🏽‍⚖️ 𠜎 by all')] },
  'decomposed diacritics': { type: 'paragraph', content: [text('La\u0308a\u0308nemets, Ąžuolas')] },
  marks: {
    type: 'paragraph',
    content: [
      text('Plain, '),
      text('bold and italic', [{ type: 'italic' }, { type: 'bold' }]),
      text(' a link', [{ type: 'link', attrs: { href: 'https://example.org/ä?q=1', rel: 'noopener', class: null } }]),
    ],
  },
  suggestions: {
    type: 'paragraph',
    content: [
      text('kept '),
      text('proposed 🙂', [{ type: 'suggestedInsertion', attrs: { id: 's1', authorId: 'u1', officeId: 'lv-mfa' } }]),
      text('struck', [{ type: 'suggestedDeletion', attrs: { id: 's2', authorId: 'u2', officeId: 'pl-msz' } }]),
    ],
  },
  'line break': { type: 'paragraph', content: [text('first line'), { type: 'hardBreak' }, text('second line')] },
  heading: { type: 'heading', attrs: { level: 2, id: 'h1' }, content: [text('Ühisavaldus')] },
  'heading without a level': { type: 'heading', content: [text('Default level')] },
  'quotes and backslashes': { type: 'paragraph', content: [text('"quoted" \\ back\tslash \u2028 separator')] },
};

describe('the server’s native paragraph hash', () => {
  it.each(Object.entries(tricky))('equals the shared hash for %s', (_name, block) => {
    expect(nativeParagraphHash(block)).toBe(paragraphHash(block));
  });

  it('hashes the UTF-8 bytes as the shared SHA-256 does, a lone surrogate included', () => {
    for (const value of ['', 'a', 'Ö', '𝔸', '\ud800', 'x\udfffy', 'long '.repeat(5000)]) {
      expect(nativeSha256Hex(value)).toBe(portableSha256Hex(value));
    }
  });
});

describe('revisions recorded on the server', () => {
  it('carry the hash a browser computes from the stored content, for text with marks and characters outside the basic plane', () => {
    const helena: ChangeOrigin = { author: { userId: 'helena', officeId: 'fi-interior' } };
    const server = new Y.Doc();
    const editor = new Y.Doc();
    const tracker = new RevisionTracker('letter', 60_000, (origin) => (origin as ChangeOrigin | null) ?? null);
    tracker.start(server, []);
    const writes: RevisionWrite[] = [];
    const apply = (change: (body: Y.XmlFragment) => void) => {
      Y.applyUpdate(server, changeOf(editor, change), helena);
      writes.push(...tracker.takeWrites());
    };
    const words = () => ((editor.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText);
    apply((body) => body.insert(0, [newParagraph('', 'p1')]));
    for (const piece of ['Ühis', ' 𝔸', ' 👩🏽‍⚖️']) apply(() => words().insert(words().length, piece));
    apply(() => words().format(0, 4, { bold: {} }));
    const contents = writes.map((write) => (write.op === 'open' ? write.revision : write));
    expect(contents.length).toBeGreaterThan(3);
    expect(contents.at(-1)!.content.content?.[0]?.marks?.map((mark) => mark.type)).toEqual(['bold']);
    for (const written of contents) expect(written.hash).toBe(paragraphHash(written.content));
  });
});
