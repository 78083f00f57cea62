import { expect } from 'vitest';
import { appendParagraph } from './letter-body.js';
import type { ServerProcess } from './server-process.js';
import { createLetter, signIn, type Session } from './sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './sync-client.js';

/**
 * Two people minding their own business while someone sends the server something bad: one on
 * the same letter, one on another letter. A bad frame must cost only its sender (invariant 8).
 */
export interface Bystanders {
  letterId: string;
  otherLetterId: string;
  sameLetter: SyncClient;
  otherLetter: SyncClient;
  /** A member of both letters who is not one of the bystanders: the one who misbehaves. */
  sender: Session;
}

export async function gatherBystanders(server: ServerProcess): Promise<Bystanders> {
  const [helena, mette, sender] = await Promise.all([
    signIn(server, 'Helena Virtanen'),
    signIn(server, 'Mette Sørensen'),
    signIn(server, 'Erik Åkesson'),
  ]);
  const [letterId, otherLetterId] = await Promise.all([createLetter(server, helena), createLetter(server, helena)]);
  const sameLetter = connectClient(server, helena, letterId);
  const otherLetter = connectClient(server, mette, otherLetterId);
  await Promise.all([sameLetter.whenSynced(), otherLetter.whenSynced()]);
  appendParagraph(sameLetter.doc, 'Text that was there before.');
  appendParagraph(otherLetter.doc, 'Text of another letter.');
  await Promise.all([sameLetter.whenSaved(), otherLetter.whenSaved()]);
  return { letterId, otherLetterId, sameLetter, otherLetter, sender };
}

/** How many letters the server holds in memory (`/api/health`). */
async function loadedLetters(server: ServerProcess): Promise<number> {
  const response = await fetch(`${server.httpUrl}/api/health`);
  return ((await response.json()) as { loadedLetters: number }).loadedLetters;
}

/**
 * The bystanders were never disconnected and still edit; nothing containing `marker` reached
 * them; and once every room is unloaded (the server runs with ROOM_GRACE_MS=0), letters read
 * back from the store hold exactly what the bystanders saved and no trace of `marker`.
 */
export async function expectBystandersUnharmed(server: ServerProcess, bystanders: Bystanders, marker: string): Promise<void> {
  const { sameLetter, otherLetter } = bystanders;
  appendParagraph(sameLetter.doc, 'Text written after.');
  appendParagraph(otherLetter.doc, 'More text of another letter.');
  await Promise.all([sameLetter.whenSaved(), otherLetter.whenSaved()]);
  expect(sameLetter.closeCodes).toEqual([]);
  expect(otherLetter.closeCodes).toEqual([]);
  expect(sameLetter.xml).not.toContain(marker);
  expect(sameLetter.text).toBe('Text that was there before.\nText written after.');

  const saved = { same: sameLetter.xml, other: otherLetter.xml };
  sameLetter.destroy();
  otherLetter.destroy();
  await expect.poll(() => loadedLetters(server)).toBe(0);

  const helena = await signIn(server, 'Helena Virtanen');
  const [sameReader, otherReader] = await Promise.all([
    joinLetter(server, helena, bystanders.letterId),
    joinLetter(server, helena, bystanders.otherLetterId),
  ]);
  expect(sameReader.xml).toBe(saved.same);
  expect(otherReader.xml).toBe(saved.other);
  expect(sameReader.xml).not.toContain(marker);
}
