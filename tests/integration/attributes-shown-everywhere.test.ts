import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph, newParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';

/** The update that appends a paragraph whose words are a link with these attributes. */
function linkedWords(link: Record<string, string>): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = appendParagraph(doc, '');
  (paragraph.get(0) as Y.XmlText).insert(0, 'HIDDEN-LINK-MARKER and pays EUR 1,000,000', { link });
  return Y.encodeStateAsUpdate(doc);
}

/** The update that appends a numbered list with these attributes, holding one paragraph. */
function numberedList(attributes: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  const list = new Y.XmlElement('orderedList');
  for (const [key, value] of Object.entries(attributes)) list.setAttribute(key, value as string);
  const item = new Y.XmlElement('listItem');
  item.insert(0, [newParagraph('NUMBERING-MARKER the parties agree')]);
  list.insert(0, [item]);
  doc.getXmlFragment('default').insert(0, [list]);
  return Y.encodeStateAsUpdate(doc);
}

describe('T5 the document holds only what every reader is shown', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  it.each([
    // The page's own class for text only screen readers read: the words vanish from every editor, not from the PDF.
    ['a class that hides the linked words', { href: 'https://example.org/', class: 'visually-hidden' }],
    ['a title shown on hover only', { href: 'https://example.org/', title: 'Approved by every office' }],
    ['a target', { href: 'https://example.org/', target: '_top' }],
  ])('T5 a link with %s closes with 4422, and nothing of it is stored', async (_name, link) => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(linkedWords(link)));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(/link/);
    await expectBystandersUnharmed(server(), bystanders, 'HIDDEN-LINK-MARKER');
  });

  it('T5 a numbered list with a numbering style (letters on screen, digits on paper) closes with 4422', async () => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(numberedList({ start: 1, type: 'a' })));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(/type/);
    await expectBystandersUnharmed(server(), bystanders, 'NUMBERING-MARKER');
  });

  it('T5 a numbered list that starts anywhere is letter text and is kept', async () => {
    const bystanders = await gatherBystanders(server());
    Y.applyUpdate(bystanders.sameLetter.doc, numberedList({ start: 7 }));
    await bystanders.sameLetter.whenSaved();
    expect(bystanders.sameLetter.closeCodes).toEqual([]);
    expect(bystanders.sameLetter.xml).toContain('start="7"');
    bystanders.sameLetter.destroy();
    bystanders.otherLetter.destroy();
  });
});
