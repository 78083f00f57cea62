import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { changeOf } from '../../tests/integration/harness/letter-body.js';
import { SuggestionGuard, checkSuggestOnlyUpdate, checkSuggestionAttribution } from './suggestion-guard.js';
import { RefusalKind, UpdateRefusal, decodeIncomingUpdate } from './update-guard.js';

const kadri = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };

/** The server's letter with one paragraph, and a client that has it. */
function letter(): { server: Y.Doc; client: Y.Doc; text: () => Y.XmlText } {
  const server = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'paragraph-1');
  server.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  content.insert(0, 'We agree.');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, text: () => textOf(client) };
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText;

function refusalCode(check: () => void): number | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof UpdateRefusal && error.kind === RefusalKind.tooLarge) return CloseCode.letterTooLarge;
    return (error as { code?: number }).code ?? -1;
  }
}

describe('S13 the suggestion guard, on Yjs structs', () => {
  it('S13 accepts a suggestion in the sender’s own name and refuses one in someone else’s (4403)', () => {
    const { server, client, text } = letter();
    const own = changeOf(client, () => text().insert(2, ' all', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => checkSuggestionAttribution(server, decodeIncomingUpdate(own), kadri, bodyFieldName))).toBeNull();
    const claimed = changeOf(client, () => text().insert(0, 'So ', { [SuggestionKind.insertion]: newSuggestionAttributes(aino) }));
    expect(refusalCode(() => checkSuggestionAttribution(server, decodeIncomingUpdate(claimed), kadri, bodyFieldName))).toBe(CloseCode.forbidden);
  });

  it('S13 refuses a malformed suggestion mark (a schema refusal: 4422)', () => {
    const { server, client, text } = letter();
    const malformed = changeOf(client, () => text().format(0, 2, { [SuggestionKind.deletion]: { id: 'x', authorId: kadri.userId } }));
    expect(() => checkSuggestionAttribution(server, decodeIncomingUpdate(malformed), kadri, bodyFieldName)).toThrow(UpdateRefusal);
  });

  it('S13 lets a suggest-only sender add and take back its own proposals, and nothing else', () => {
    const { server, client, text } = letter();
    const attrs = newSuggestionAttributes(kadri);
    const insert = changeOf(client, () => text().insert(2, ' all', { [SuggestionKind.insertion]: attrs }));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, insert, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, insert);
    const mark = changeOf(client, () => text().format(0, 2, { [SuggestionKind.deletion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, mark, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, mark);
    const withdraw = changeOf(client, () => text().delete(2, 4));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, withdraw, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, withdraw);
    const forgeries: ((target: Y.XmlText) => void)[] = [
      (target) => target.insert(0, 'Plain '),
      (target) => target.delete(3, 5),
      (target) => target.format(3, 5, { bold: {} }),
      // Kadri's deletion mark, removed by Aino.
      (target) => target.format(0, 2, { [SuggestionKind.deletion]: null }),
    ];
    for (const forge of forgeries) {
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
      const update = changeOf(other, () => forge(textOf(other)));
      expect(refusalCode(() => checkSuggestOnlyUpdate(server, update, aino, bodyFieldName))).toBe(CloseCode.forbidden);
    }
  });

  it('S13 the guard kept for a room follows others’ edits, and starts afresh after a refusal', () => {
    const { server, client, text } = letter();
    const guard = new SuggestionGuard(server, bodyFieldName);
    const first = changeOf(client, () => text().insert(0, 'So ', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) }));
    guard.check(first, kadri);
    Y.applyUpdate(server, first);
    // An editor changes the text meanwhile; the guard's copy follows it.
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, changeOf(editor, () => textOf(editor).insert(textOf(editor).length, ' Signed.')));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const forged = changeOf(client, () => text().delete(text().length - ' Signed.'.length, ' Signed.'.length));
    expect(refusalCode(() => guard.check(forged, kadri))).toBe(CloseCode.forbidden);
    // The refused update never reached the letter: the next check reads the letter as it is.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const next = changeOf(fresh, () => textOf(fresh).format(3, 2, { [SuggestionKind.deletion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => guard.check(next, kadri))).toBeNull();
    guard.destroy();
  });
  it('S13 the kept guard reads each person’s own suggestions apart and re-reads every block a change touches, nested ones too', () => {
    const server = new Y.Doc();
    const body = server.getXmlFragment(bodyFieldName);
    const block = (id: string, words: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('id', id);
      paragraph.insert(0, [new Y.XmlText(words)]);
      return paragraph;
    };
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    item.insert(0, [block('paragraph-3', 'Patrols by sea.')]);
    body.insert(0, [block('paragraph-1', 'We agree.'), block('paragraph-2', 'We act.'), list]);
    const guard = new SuggestionGuard(server, bodyFieldName);
    const clientOf = () => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      return client;
    };
    const textAt = (doc: Y.Doc, ...path: number[]) => {
      let node: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment(bodyFieldName);
      for (const index of path) node = node.get(index) as Y.XmlElement;
      return node.get(0) as Y.XmlText;
    };
    const admit = (author: typeof kadri, change: (client: Y.Doc) => void) => {
      const client = clientOf();
      const update = changeOf(client, () => change(client));
      const code = refusalCode(() => guard.check(update, author));
      if (code === null) Y.applyUpdate(server, update);
      return code;
    };
    expect(admit(kadri, (c) => textAt(c, 0).insert(2, ' all', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) }))).toBeNull();
    expect(admit(aino, (c) => textAt(c, 1).insert(2, ' now', { [SuggestionKind.insertion]: newSuggestionAttributes(aino) }))).toBeNull();
    // An editor changes the nested paragraph and an attribute of another one; the readings of both are stale now.
    const editor = clientOf();
    Y.applyUpdate(server, changeOf(editor, () => textAt(editor, 2, 0, 0).insert(0, 'Joint ')));
    Y.applyUpdate(server, changeOf(editor, () => (editor.getXmlFragment(bodyFieldName).get(1) as Y.XmlElement).setAttribute('textAlign', 'right')));
    expect(admit(kadri, (c) => textAt(c, 2, 0, 0).delete(0, 'Joint '.length))).toBe(CloseCode.forbidden);
    expect(admit(kadri, (c) => (c.getXmlFragment(bodyFieldName).get(1) as Y.XmlElement).setAttribute('textAlign', 'left'))).toBe(CloseCode.forbidden);
    // Aino's proposal is hers to take back, not Kadri's; Kadri's is Kadri's.
    expect(admit(kadri, (c) => textAt(c, 1).delete(2, ' now'.length))).toBe(CloseCode.forbidden);
    expect(admit(aino, (c) => textAt(c, 0).delete(2, ' all'.length))).toBe(CloseCode.forbidden);
    expect(admit(aino, (c) => textAt(c, 1).delete(2, ' now'.length))).toBeNull();
    expect(admit(kadri, (c) => textAt(c, 0).delete(2, ' all'.length))).toBeNull();
    expect(textAt(server, 0).toString() + textAt(server, 1).toString()).toBe('We agree.We act.');
    guard.destroy();
  });

  /** A letter of `count` paragraphs, the first of which holds Kadri's proposed deletion of its last word; and a client of it. */
  function longLetter(count: number) {
    const server = new Y.Doc();
    const kadris = newSuggestionAttributes(kadri);
    server.transact(() => {
      const body = server.getXmlFragment(bodyFieldName);
      body.insert(
        0,
        Array.from({ length: count }, (_, index) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.setAttribute('id', `paragraph-${index}`);
          paragraph.insert(0, [new Y.XmlText()]);
          return paragraph;
        }),
      );
      body.toArray().forEach((paragraph, index) => ((paragraph as Y.XmlElement).get(0) as Y.XmlText).insert(0, `Paragraph ${index} of the letter.`));
      const first = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      first.format(first.length - 'letter.'.length, 'letter'.length, { [SuggestionKind.deletion]: kadris });
    });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const textAt = (doc: Y.Doc, index: number) => (doc.getXmlFragment(bodyFieldName).get(index) as Y.XmlElement).get(0) as Y.XmlText;
    return { server, client, kadris, textAt };
  }

  it('S13 an editor’s copy of someone else’s suggestion is checked on the blocks it touches, not on the whole letter', () => {
    const { server, client, kadris, textAt } = longLetter(300);
    const guard = new SuggestionGuard(server, bodyFieldName);
    const moveKadris = (toStart: boolean) =>
      changeOf(client, () =>
        client.transact(() => {
          const text = textAt(client, 0);
          text.delete(toStart ? text.length - 'letter.'.length : 0, 'letter'.length);
          text.insert(toStart ? 0 : text.length - 1, 'letter', { [SuggestionKind.deletion]: kadris });
        }),
      );
    const admit = (update: Uint8Array) => {
      guard.admit(decodeIncomingUpdate(update), aino, true);
      Y.applyUpdate(server, update);
    };
    // The first check reads the letter once.
    admit(moveKadris(true));
    const read = vi.spyOn(Y.XmlText.prototype, 'toDelta');
    try {
      admit(moveKadris(false));
      const paragraphsRead = read.mock.instances.map((text) => ((text as Y.XmlText).parent as Y.XmlElement).getAttribute('id'));
      expect(paragraphsRead.length).toBeGreaterThan(0);
      expect(new Set(paragraphsRead)).toEqual(new Set(['paragraph-0']));
    } finally {
      read.mockRestore();
    }
    // Still a check: words added under Kadri's name in another paragraph are refused.
    const forged = changeOf(client, () => textAt(client, 200).insert(0, 'Forged ', { [SuggestionKind.deletion]: kadris }));
    expect(refusalCode(() => guard.admit(decodeIncomingUpdate(forged), aino, true))).toBe(CloseCode.forbidden);
    guard.destroy();
  });

  it('S13 a new suggestion may not take a paragraph or the letter past its limit of open suggestions (4413)', () => {
    const { server, textAt } = longLetter(4);
    const guard = new SuggestionGuard(server, bodyFieldName, { maxOpenPerParagraph: 2, maxOpenPerLetter: 4 });
    const suggest = (paragraph: number, author = aino, attributes = newSuggestionAttributes(author)) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const update = changeOf(client, () => textAt(client, paragraph).insert(0, 'Also ', { [SuggestionKind.insertion]: attributes }));
      const code = refusalCode(() => guard.admit(decodeIncomingUpdate(update), author, true));
      if (code === null) Y.applyUpdate(server, update);
      return code;
    };
    // Paragraph 0 holds Kadri's proposal already: one more fits, a third does not.
    const ainos = newSuggestionAttributes(aino);
    expect(suggest(0, aino, ainos)).toBeNull();
    expect(suggest(0)).toBe(CloseCode.letterTooLarge);
    // Extending a suggestion the paragraph holds opens none.
    expect(suggest(0, aino, ainos)).toBeNull();
    expect(suggest(1)).toBeNull();
    expect(suggest(2)).toBeNull();
    expect(suggest(3)).toBe(CloseCode.letterTooLarge);
    expect(textAt(server, 3).toString()).toBe('Paragraph 3 of the letter.');
    guard.destroy();
  });
});
