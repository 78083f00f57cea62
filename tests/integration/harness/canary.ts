import { expect } from 'vitest';
import { appendParagraph } from './letter-body.js';
import type { ServerProcess } from './server-process.js';
import { createLetter, signIn } from './sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './sync-client.js';

/**
 * Two people on a letter of their own while someone attacks the server: one writes, the other
 * must see the writing arrive. One sender over budget must cost only that sender (invariant 13).
 */
export interface Canary {
  writer: SyncClient;
  reader: SyncClient;
}

export async function openCanary(server: ServerProcess): Promise<Canary> {
  const [mette, kadri] = await Promise.all([signIn(server, 'Mette Sørensen'), signIn(server, 'Kadri Tamm')]);
  const letterId = await createLetter(server, mette);
  const writer = connectClient(server, mette, letterId);
  await writer.whenSynced();
  return { writer, reader: await joinLetter(server, kadri, letterId) };
}

/** The canary writes `text`; resolves once the reader has it, and checks neither was disconnected. */
export async function canaryEchoes(canary: Canary, text: string): Promise<void> {
  appendParagraph(canary.writer.doc, text);
  await expect.poll(() => canary.reader.text, { timeout: 10_000 }).toContain(text);
  expect(canary.writer.closeCodes).toEqual([]);
  expect(canary.reader.closeCodes).toEqual([]);
}
