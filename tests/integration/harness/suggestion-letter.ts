import { expect } from 'vitest';
import type * as Y from 'yjs';
import type { SuggestionAuthor } from '../../../shared/domain/suggestions.js';
import { appendParagraph, textParagraphs } from './letter-body.js';
import type { ServerProcess } from './server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './sign-in.js';
import { joinLetter, type SyncClient } from './sync-client.js';
import { withTimeout } from './wait-for.js';

/** The opening words of the paragraph every suggestion test letter starts with. */
export const opening = 'The ministers agree to act together.';

/** Whom a suggestion written through `session` must name. */
export const authorOf = (session: Session): SuggestionAuthor => ({ userId: session.user.id, name: session.user.name, officeId: session.user.office.id });

/** The text of the letter's last paragraph in `client`'s copy. */
export const lastText = (client: SyncClient): Y.XmlText => textParagraphs(client.doc).at(-1)!.text;

/** The letter's last paragraph in `client`'s copy. */
export const lastParagraph = (client: SyncClient): Y.XmlElement => textParagraphs(client.doc).at(-1)!.paragraph;

/** Letters to suggest in, changes sent as a client would, and what the server then holds, on `server`. */
export function suggestionLetters(server: () => ServerProcess) {
  /** A letter by Helena (coordinator, Finland) with one paragraph; Kadri (Estonia) approves, Aino (Finland) drafts. */
  async function letterWithSuggester(): Promise<{ letterId: string; helena: Session; kadri: Session; aino: Session; paragraphId: string }> {
    const helena = await signIn(server(), 'Helena Virtanen');
    const kadri = await signIn(server(), 'Kadri Tamm');
    const aino = await signIn(server(), 'Aino Mäkelä');
    const letterId = await createLetter(server(), helena, [helena.user.office.id, kadri.user.office.id]);
    for (const [session, roles] of [
      [kadri, ['approver']],
      [aino, ['drafter']],
    ] as const) {
      const set = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${session.user.id}`, { roles });
      expect(set.status).toBe(200);
    }
    const writer = await joinLetter(server(), helena, letterId);
    const paragraph = appendParagraph(writer.doc, opening);
    await writer.whenSaved();
    writer.destroy();
    return { letterId, helena, kadri, aino, paragraphId: paragraph.getAttribute('id')! };
  }

  /** Makes `change` in a fresh client of `session`: 'saved' once the server stored it, or the close code it answered with. */
  async function attempt(session: Session, letterId: string, change: (client: SyncClient) => void): Promise<'saved' | number> {
    const client = await joinLetter(server(), session, letterId);
    const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    change(client);
    const outcome = await withTimeout(
      Promise.race([client.whenSaved().then(() => 'saved' as const), closed]),
      5000,
      'the change to be saved or refused',
    );
    client.destroy();
    return outcome;
  }

  /** What the server holds now, as a late joiner reads it. */
  async function storedXml(session: Session, letterId: string): Promise<string> {
    const reader = await joinLetter(server(), session, letterId);
    const text = reader.xml;
    reader.destroy();
    return text;
  }

  return { letterWithSuggester, attempt, storedXml };
}
