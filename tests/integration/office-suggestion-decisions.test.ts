import { describe, expect, it } from 'vitest';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, type Session } from './harness/sign-in.js';
import { joinLetter } from './harness/sync-client.js';
import { authorOf, opening, suggestionLetters } from './harness/suggestion-letter.js';

const second = 'Funding of border agencies is needed.';

describe('S13 accepting or rejecting all of one office’s suggestions at once', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });
  const { letterWithSuggester, attempt } = suggestionLetters(server);

  /** A letter of two paragraphs: Estonia (Kadri) proposes in both, Finland (Aino) in the first. */
  async function letterWithTwoOffices() {
    const people = await letterWithSuggester();
    const { letterId, helena, kadri, aino } = people;
    const writer = await joinLetter(server(), helena, letterId);
    appendParagraph(writer.doc, second);
    await writer.whenSaved();
    writer.destroy();
    const estonianInsertion = newSuggestionAttributes(authorOf(kadri));
    const estonianDeletion = newSuggestionAttributes(authorOf(kadri));
    const finnishInsertion = newSuggestionAttributes(authorOf(aino));
    const byKadri = await attempt(kadri, letterId, (client) => {
      const [first, last] = textParagraphs(client.doc);
      client.doc.transact(() => {
        first!.text.insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: estonianInsertion });
        last!.text.format(0, 'Funding '.length, { [SuggestionKind.deletion]: estonianDeletion });
      });
    });
    expect(byKadri).toBe('saved');
    const byAino = await attempt(aino, letterId, (client) => textParagraphs(client.doc)[0]!.text.insert(0, 'Finally, ', { [SuggestionKind.insertion]: finnishInsertion }));
    expect(byAino).toBe('saved');
    return { ...people, ids: { estonianInsertion: estonianInsertion.id, estonianDeletion: estonianDeletion.id, finnishInsertion: finnishInsertion.id } };
  }

  /** The paragraphs as a reader joining now sees them. */
  async function readParagraphs(session: Session, letterId: string) {
    const reader = await joinLetter(server(), session, letterId);
    const paragraphs = currentParagraphs(reader.doc);
    reader.destroy();
    return paragraphs;
  }

  /** The body a person sends after looking at every paragraph with `officeId`'s suggestions. */
  async function seenOf(session: Session, letterId: string, officeId: string) {
    const paragraphs = await readParagraphs(session, letterId);
    return paragraphs
      .filter((paragraph) => (paragraph.suggestions ?? []).some((suggestion) => suggestion.officeId === officeId))
      .map((paragraph) => ({ paragraphId: paragraph.id, hash: paragraph.hash }));
  }

  const decideForOffice = (session: Session, letterId: string, body: unknown) => apiRequest(server(), session, 'POST', `/api/letters/${letterId}/suggestions`, body);

  it('S13 a drafter accepts all of Estonia’s suggestions in one click: one revision per paragraph, one audit event, Finland’s stay open', async () => {
    const { letterId, helena, aino, ids } = await letterWithTwoOffices();
    const seen = await seenOf(aino, letterId, 'ee-interior');
    expect(seen).toHaveLength(2);

    const response = await decideForOffice(aino, letterId, { decision: 'accept', officeId: 'ee-interior', paragraphs: seen });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { decided: number; paragraphs: { text: string }[] };
    expect(body.decided).toBe(2);
    expect(body.paragraphs.map((paragraph) => paragraph.text)).toEqual([`Finally, The ministers agree to act together at once.`, 'of border agencies is needed.']);

    const [first, last] = await readParagraphs(helena, letterId);
    expect(first!.suggestions).toEqual([expect.objectContaining({ id: ids.finnishInsertion, officeId: 'fi-interior' })]);
    expect(last!.suggestions).toEqual([]);
    expect(last!.text).toBe('of border agencies is needed.');

    for (const [paragraph, text] of [
      [first!, 'Finally, The ministers agree to act together at once.'],
      [last!, 'of border agencies is needed.'],
    ] as const) {
      const history = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/paragraphs/${paragraph.id}/history`);
      const { revisions } = (await history.json()) as { revisions: { by: string | null; text: string }[] };
      expect(revisions[0]).toMatchObject({ by: 'Aino Mäkelä', text });
    }
    const audit = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/audit`);
    const events = JSON.stringify(await audit.json());
    expect(events.match(/suggestions_decided/g)?.length).toBe(1);
    expect(events).toContain(ids.estonianInsertion);
    expect(events).toContain(ids.estonianDeletion);

    // Rejecting all of Finland's takes Aino's proposed words out again.
    const rejected = await decideForOffice(helena, letterId, { decision: 'reject', officeId: 'fi-interior', paragraphs: await seenOf(helena, letterId, 'fi-interior') });
    expect(rejected.status).toBe(200);
    expect((await readParagraphs(helena, letterId)).flatMap((paragraph) => paragraph.suggestions ?? [])).toEqual([]);
    expect((await readParagraphs(helena, letterId))[0]!.text).toBe('The ministers agree to act together at once.');
  });

  it('S13 the decision is refused, and nothing changes, for someone who may only suggest, for text changed since, and for suggestions not seen', async () => {
    const { letterId, helena, kadri, aino } = await letterWithTwoOffices();
    const seen = await seenOf(aino, letterId, 'ee-interior');
    const before = JSON.stringify(await readParagraphs(helena, letterId));

    const bySuggester = await decideForOffice(kadri, letterId, { decision: 'accept', officeId: 'ee-interior', paragraphs: seen });
    expect(bySuggester.status).toBe(403);

    const partly = await decideForOffice(aino, letterId, { decision: 'accept', officeId: 'ee-interior', paragraphs: seen.slice(0, 1) });
    expect(partly.status).toBe(409);
    expect(await partly.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/not seen yet/) } });

    const stale = seen.map((paragraph, index) => (index === 1 ? { ...paragraph, hash: seen[0]!.hash } : paragraph));
    expect((await decideForOffice(aino, letterId, { decision: 'reject', officeId: 'ee-interior', paragraphs: stale })).status).toBe(409);

    const withdraw = await decideForOffice(aino, letterId, { decision: 'withdraw', officeId: 'ee-interior', paragraphs: seen });
    expect(withdraw.status).toBe(400);
    const twice = await decideForOffice(aino, letterId, { decision: 'accept', officeId: 'ee-interior', paragraphs: [seen[0], seen[0]] });
    expect(twice.status).toBe(400);
    const noneOfTheirs = await decideForOffice(aino, letterId, { decision: 'accept', officeId: 'lv-interior', paragraphs: seen });
    expect(noneOfTheirs.status).toBe(409);

    const observer = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${aino.user.id}`, { roles: ['observer'] });
    expect(observer.status).toBe(200);
    expect((await decideForOffice(aino, letterId, { decision: 'accept', officeId: 'ee-interior', paragraphs: seen })).status).toBe(403);

    expect(JSON.stringify(await readParagraphs(helena, letterId))).toBe(before);
    const audit = JSON.stringify(await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/audit`)).json());
    expect(audit).not.toContain('suggestions_decided');
  });
});
