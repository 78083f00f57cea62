import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SignoffGrid } from '../../shared/api/signoffs.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { SignoffState } from '../../shared/domain/signoff-state.js';
import { collectTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph, bodyOf, changeOf, newParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, findDemoLetterId, signIn } from './harness/sign-in.js';
import { joinLetter } from './harness/sync-client.js';

/** A copy of what `doc` holds, to change as an attacker would without the change reaching anyone. */
function forkOf(doc: Y.Doc): Y.Doc {
  const fork = new Y.Doc();
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc));
  return fork;
}

/** The update `change` makes to a copy of `doc`: exactly what a client would send for it. */
function craftedChange(doc: Y.Doc, change: (fork: Y.Doc) => void): Uint8Array {
  const fork = forkOf(doc);
  return changeOf(fork, () => change(fork));
}

/** The first textblock of the body of `doc`. */
const firstBlock = (doc: Y.Doc) => collectTextBlocks(bodyOf(doc))[0]!.element;

/** Replaces the whole text of `block` with `text`. */
function rewrite(block: Y.XmlElement, text: string): void {
  const content = block.get(0) as Y.XmlText;
  content.delete(0, content.length);
  content.insert(0, text);
}

/** A new paragraph whose `id` attribute is `id` as given (any value, or none at all). */
function paragraphWithRawId(text: string, id: unknown): Y.XmlElement {
  const paragraph = newParagraph(text);
  if (id === undefined) paragraph.removeAttribute('id');
  else paragraph.setAttribute('id', id as string);
  return paragraph;
}

describe('INV-10 every textblock counts: the server refuses a paragraph without a well-formed id of its own', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  /** Sends one crafted update on the bystanders' letter; returns how the server closed the sender. */
  async function sendCrafted(craft: (serverText: Y.Doc) => Uint8Array, marker: string): Promise<{ code: number; reason: string }> {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie });
    await raw.opened;
    raw.socket.send(updateFrame(craft(bystanders.sameLetter.doc)));
    const closed = await closeOf(raw);
    await expectBystandersUnharmed(server(), bystanders, marker);
    return closed;
  }

  it.each([
    ['without an id attribute', undefined],
    ['with an empty id', ''],
    ['with a numeric id', 7],
    ['with a boolean id', true],
    ['with an id that is not a token (spaces)', 'not an id'],
  ])('INV-10a a new paragraph %s closes with 4422 and nothing of it is stored', async (_name, id) => {
    const closed = await sendCrafted(
      (doc) => craftedChange(doc, (fork) => bodyOf(fork).insert(bodyOf(fork).length, [paragraphWithRawId('IDLESS-MARKER', id)])),
      'IDLESS-MARKER',
    );
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(/paragraph/);
  });

  it('INV-10b a copy of a paragraph under its id (a duplicate) closes with 4422', async () => {
    const closed = await sendCrafted(
      (doc) => {
        const existingId = collectTextBlocks(bodyOf(doc))[0]!.id!;
        return craftedChange(doc, (fork) => appendParagraph(fork, 'DUPLICATE-MARKER', existingId));
      },
      'DUPLICATE-MARKER',
    );
    expect(closed.code).toBe(CloseCode.updateRefused);
    expect(closed.reason).toMatch(/id of another/);
  });

  it.each([
    ['blanking its id', (block: Y.XmlElement) => block.setAttribute('id', '')],
    ['removing its id', (block: Y.XmlElement) => block.removeAttribute('id')],
    ['setting its id to a number', (block: Y.XmlElement) => block.setAttribute('id', 42 as never)],
  ])('INV-10c %s and rewriting an existing paragraph closes with 4422', async (_name, unsetId) => {
    const closed = await sendCrafted(
      (doc) =>
        craftedChange(doc, (fork) => {
          const block = firstBlock(fork);
          unsetId(block);
          rewrite(block, 'REWRITE-MARKER');
        }),
      'REWRITE-MARKER',
    );
    expect(closed.code).toBe(CloseCode.updateRefused);
  });

  it('INV-10d blanking the id of an approved paragraph and rewriting it is refused: the approval stays on the text approved', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const [kadri, erik] = await Promise.all([signIn(server(), 'Kadri Tamm'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await findDemoLetterId(server(), helena);
    const bystander = await joinLetter(server(), helena, letterId);
    const approved = collectTextBlocks(bodyOf(bystander.doc))[0]!;
    const hash = paragraphHash(textBlockJson(approved.element));
    const approval = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${approved.id}/signoffs`, { action: 'approve', hash });
    expect(approval.status).toBe(201);

    const raw = openRawSocket(server(), letterId, { cookie: erik.cookie });
    await raw.opened;
    const hostile = craftedChange(bystander.doc, (fork) => {
      const block = firstBlock(fork);
      block.setAttribute('id', '');
      rewrite(block, 'UNAPPROVED-MARKER clause');
    });
    raw.socket.send(updateFrame(hostile));
    expect((await closeOf(raw)).code).toBe(CloseCode.updateRefused);

    // The bystander keeps editing, and what the server holds is what was approved.
    appendParagraph(bystander.doc, 'Written after the refusal.');
    await bystander.whenSaved();
    expect(bystander.closeCodes).toEqual([]);
    const reader = await joinLetter(server(), helena, letterId);
    expect(reader.xml).not.toContain('UNAPPROVED-MARKER');
    const blocks = collectTextBlocks(bodyOf(reader.doc));
    expect(blocks[0]!.id).toBe(approved.id);
    expect(paragraphHash(textBlockJson(blocks[0]!.element))).toBe(hash);
    // The grid lists every paragraph the reader sees, the approved one as approved.
    const grid = (await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/signoff-grid`)).json()) as SignoffGrid;
    expect(grid.paragraphs.map((paragraph) => paragraph.paragraphId)).toEqual(blocks.map((block) => block.id));
    expect(grid.paragraphs[0]!.states[kadri.user.office.id]).toBe(SignoffState.approved);
  });
});
