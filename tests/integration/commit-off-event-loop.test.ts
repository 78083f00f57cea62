import { describe, expect, it } from 'vitest';
import { appendParagraph, bodyCaret, plainText } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

const rounds = 3;
/**
 * Ten long paragraphs (each under the paragraph limit) per round: storing them, with their
 * revisions, takes long enough that the caret move sent right after them is read meanwhile.
 */
const paragraphLength = 18_000;
const paragraphsPerRound = 10;

describe('COMMIT a letter’s commit does not hold up other letters', () => {
  const server = useSharedServer();

  it('COMMIT-5 while a large edit of one letter is being stored, a caret move in another letter already reaches its readers', async () => {
    const [helena, kadri, mette] = await Promise.all(['Helena Virtanen', 'Kadri Tamm', 'Mette Sørensen'].map((name) => signIn(server(), name)));
    const [letterA, letterB] = await Promise.all([createLetter(server(), helena!), createLetter(server(), helena!)]);
    const writerA = connectClient(server(), helena!, letterA);
    const readerA = await joinLetter(server(), kadri!, letterA);
    // Frames are paced per person, and presence per connection: letter B's carets are another
    // person's, on one connection per round.
    const writersB = Array.from({ length: rounds }, () => connectClient(server(), mette!, letterB));
    const readerB = await joinLetter(server(), kadri!, letterB);
    await Promise.all([writerA.whenSynced(), ...writersB.map((writer) => writer.whenSynced())]);
    /** Resolves, once letter B's reader is shown this round's caret, with whether letter A's reader had this round's edit by then. */
    const whenCaretShown = (round: number, edit: string) =>
      new Promise<boolean>((resolve) => {
        const onChange = () => {
          if (readerB.awareness.getStates().get(writersB[round - 1]!.doc.clientID)?.cursor === undefined) return;
          readerB.awareness.off('change', onChange);
          resolve(plainText(readerA.doc).includes(edit));
        };
        readerB.awareness.on('change', onChange);
      });

    for (let round = 1; round <= rounds; round++) {
      const edit = `Round ${round} `;
      const words = edit.padEnd(paragraphLength, 'x');
      const caretShown = whenCaretShown(round, edit);
      // Sent first, on letter A's connection; the caret move of letter B right after it.
      writerA.doc.transact(() => {
        for (let paragraph = 0; paragraph < paragraphsPerRound; paragraph++) appendParagraph(writerA.doc, words);
      });
      writersB[round - 1]!.awareness.setLocalStateField('cursor', bodyCaret('end', 'end'));

      const hadLetterAEdit = await caretShown;
      await expect.poll(() => plainText(readerA.doc).includes(edit), { timeout: 10_000 }).toBe(true);
      await writerA.whenSaved();
      expect(hadLetterAEdit, `round ${round}: letter B's caret move waited for letter A's edit to be stored`).toBe(false);
    }
    expect([writerA, readerA, readerB, ...writersB].flatMap((client) => client.closeCodes)).toEqual([]);
  });
});
