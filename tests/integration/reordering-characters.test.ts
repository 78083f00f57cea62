import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';

/** The update that `change` makes to a fresh document. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

/** Raw updates that would make one text read in two orders, with what the close reason names. */
const reorderings: [name: string, reason: RegExp, change: (doc: Y.Doc) => void][] = [
  ['a right-to-left override (U+202E) in text', /U\+202E/, (doc) => appendParagraph(doc, 'BIDI-MARKER we \u202E000,01 RUE tpecca\u202C')],
  ['a left-to-right isolate (U+2066) in text', /U\+2066/, (doc) => appendParagraph(doc, 'BIDI-MARKER EUR \u206610,000\u2069')],
  ['a right-to-left mark (U+200F) in text', /U\+200F/, (doc) => appendParagraph(doc, 'BIDI-MARKER 10\u200F,000')],
  [
    'a right-to-left override in a link address',
    /U\+202E/,
    (doc) => {
      const paragraph = appendParagraph(doc, '');
      (paragraph.get(0) as Y.XmlText).insert(0, 'BIDI-MARKER', { link: { href: 'https://example.org/\u202Efdp.exe' } });
    },
  ],
];

describe('T1 letter text holds no direction controls', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  it.each(reorderings)('T1 an update with %s closes with 4422, and nothing of it is stored', async (_name, reason, change) => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(updateOf(change)));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(reason);
    await expectBystandersUnharmed(server(), bystanders, 'BIDI-MARKER');
  });

  it('T2 zero-width characters and soft hyphens are letter text and are kept', async () => {
    const bystanders = await gatherBystanders(server());
    const text = 'pay\u200Bment in\u00ADvoice';
    appendParagraph(bystanders.sameLetter.doc, text);
    await bystanders.sameLetter.whenSaved();
    expect(bystanders.sameLetter.closeCodes).toEqual([]);
    expect(bystanders.sameLetter.text).toContain(text);
    bystanders.sameLetter.destroy();
    bystanders.otherLetter.destroy();
  });
});
