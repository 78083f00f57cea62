import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { appendParagraph, bodyOf, newParagraph } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';

/** Small limits, so that passing them takes little data; the defaults are in shared/domain/letter-limits.ts. */
const maxLetterBytes = 64 * 1024;
const maxParagraphs = 20;
const maxParagraphLength = 5_000;

/** The limits are in README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Checks on an update". */
describe('INV-13 a letter cannot grow past its limits; the update that would is refused with 4413 and nothing of it is stored', () => {
  const server = useSharedServer({
    env: {
      LETTER_MAX_BYTES: String(maxLetterBytes),
      LETTER_MAX_PARAGRAPHS: String(maxParagraphs),
      PARAGRAPH_MAX_CHARACTERS: String(maxParagraphLength),
      ROOM_GRACE_MS: '0',
    },
  });

  /** A drafter on a fresh letter, synced; `prepare` runs and is saved before the test's own change. */
  async function drafterOnNewLetter(prepare: (doc: Y.Doc) => void = () => {}): Promise<{ drafter: SyncClient; letterId: string }> {
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), helena);
    const drafter = connectClient(server(), helena, letterId);
    await drafter.whenSynced();
    drafter.doc.transact(() => prepare(drafter.doc));
    await drafter.whenSaved();
    return { drafter, letterId };
  }

  /** Makes `change`, expects 4413 while a canary on another letter keeps working, and that the server kept nothing of it. */
  async function expectRefused(drafter: SyncClient, letterId: string, marker: string, change: (doc: Y.Doc) => void): Promise<void> {
    const canary = await openCanary(server());
    drafter.doc.transact(() => change(drafter.doc));
    await expect.poll(() => drafter.closeCodes, { timeout: 10_000 }).toEqual([CloseCode.letterTooLarge]);
    await canaryEchoes(canary, `Written after ${marker} was refused.`);
    drafter.destroy();
    // Another person opens the letter afresh: what the server holds has nothing of the refused change.
    const erik = await signIn(server(), 'Erik Åkesson');
    const reader = await joinLetter(server(), erik, letterId);
    expect(reader.text).not.toContain(marker);
  }

  it('a paragraph longer than PARAGRAPH_MAX_CHARACTERS in one paste is refused', async () => {
    const { drafter, letterId } = await drafterOnNewLetter();
    const marker = 'LONG-PARAGRAPH';
    await expectRefused(drafter, letterId, marker, (doc) => appendParagraph(doc, marker + 'x'.repeat(maxParagraphLength)));
  });

  it('typing that takes a saved paragraph past PARAGRAPH_MAX_CHARACTERS is refused', async () => {
    const { drafter, letterId } = await drafterOnNewLetter((doc) => appendParagraph(doc, 'y'.repeat(maxParagraphLength - 5)));
    const paragraph = bodyOf(drafter.doc).get(bodyOf(drafter.doc).length - 1) as Y.XmlElement;
    const marker = 'GROWN';
    await expectRefused(drafter, letterId, marker, () => (paragraph.get(0) as Y.XmlText).insert(0, `${marker}zzzz`));
  });

  it('more paragraphs than LETTER_MAX_PARAGRAPHS are refused', async () => {
    const { drafter, letterId } = await drafterOnNewLetter((doc) => {
      for (let i = 0; i < maxParagraphs - 3; i++) appendParagraph(doc, `Paragraph ${i}`);
    });
    const marker = 'ONE-TOO-MANY';
    await expectRefused(drafter, letterId, marker, (doc) => {
      for (let i = 0; i < 5; i++) appendParagraph(doc, `${marker} ${i}`);
    });
  });

  it('a letter growing past LETTER_MAX_BYTES is refused', async () => {
    // 12 paragraphs of 4,000 characters: about 48 kB, under the limit; then another 24 kB.
    const { drafter, letterId } = await drafterOnNewLetter((doc) => {
      for (let i = 0; i < 12; i++) appendParagraph(doc, `${i} `.padEnd(4_000, 'lorem ipsum '));
    });
    const marker = 'TOO-LARGE';
    await expectRefused(drafter, letterId, marker, (doc) => {
      bodyOf(doc).insert(bodyOf(doc).length, [newParagraph(marker.padEnd(4_000, 'a')), ...Array.from({ length: 5 }, () => newParagraph('b'.repeat(4_000)))]);
    });
  });

  it('a letter within every limit is stored whole', async () => {
    const { drafter, letterId } = await drafterOnNewLetter((doc) => {
      for (let i = 0; i < 10; i++) appendParagraph(doc, `${i} `.padEnd(maxParagraphLength, 'within the limit '));
    });
    expect(drafter.closeCodes).toEqual([]);
    drafter.destroy();
    const erik = await signIn(server(), 'Erik Åkesson');
    const reader = await joinLetter(server(), erik, letterId);
    expect(reader.text.length).toBeGreaterThanOrEqual(10 * maxParagraphLength);
  });
});
