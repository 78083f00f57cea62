import { describe, expect, it } from 'vitest';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { useSharedScaledDeployment } from './harness/scaled-deployment.js';
import type { ServerProcess } from './harness/server-process.js';
import { apiRequest } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';
import { authorOf, lastText, opening, suggestionLetters } from './harness/suggestion-letter.js';

/** The open suggestions of the letter's one paragraph, as `client` holds it. */
const suggestionsIn = (client: SyncClient) => currentParagraphs(client.doc)[0]?.suggestions ?? [];

describe('S13 suggestions on several instances (one PostgreSQL, one Redis)', () => {
  const deployment = useSharedScaledDeployment(2);
  const first = () => deployment().instances[0] as ServerProcess;
  const second = () => deployment().instances[1] as ServerProcess;
  const { letterWithSuggester, attempt } = suggestionLetters(first);

  it('S13 a suggestion made through one instance is accepted through the other, and editors on the first see it accepted at once', async () => {
    const { letterId, helena, kadri, aino, paragraphId } = await letterWithSuggester();
    const kadris = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: kadris }))).toBe(
      'saved',
    );
    const editorOnFirst = connectClient(first(), helena, letterId);
    await editorOnFirst.whenSynced();
    expect(suggestionsIn(editorOnFirst)).toMatchObject([{ id: kadris.id, authorId: kadri.user.id, officeId: 'ee-interior' }]);

    const readerOnSecond = await joinLetter(second(), aino, letterId);
    const [paragraph] = currentParagraphs(readerOnSecond.doc);
    readerOnSecond.destroy();
    expect(paragraph!.suggestions).toMatchObject([{ id: kadris.id, text: ' at once' }]);
    const decided = await apiRequest(second(), aino, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/suggestions`, {
      decision: 'accept',
      suggestionIds: [kadris.id],
      hash: paragraph!.hash,
    });
    expect(decided.status).toBe(200);

    await expect.poll(() => suggestionsIn(editorOnFirst), { timeout: 10_000 }).toEqual([]);
    expect(editorOnFirst.text).toBe('The ministers agree to act together at once.');
    const audit = await apiRequest(first(), helena, 'GET', `/api/letters/${letterId}/audit`);
    expect(JSON.stringify(await audit.json()).match(/suggestions_decided/g)).toHaveLength(1);
  });

  it('S13 one person online and one offline suggest in one paragraph: both suggestions stay, each in its author’s name', async () => {
    const { letterId, kadri, aino } = await letterWithSuggester();
    // Aino opens the letter through the second instance, then loses her connection.
    const offline = connectClient(second(), aino, letterId);
    await offline.whenSynced();
    offline.disconnect();
    const ainos = newSuggestionAttributes(authorOf(aino));
    lastText(offline).insert(0, 'Finland: ', { [SuggestionKind.insertion]: ainos });

    // Meanwhile Kadri, online through the first, proposes a change to the same paragraph.
    const online = connectClient(first(), kadri, letterId);
    await online.whenSynced();
    const kadris = newSuggestionAttributes(authorOf(kadri));
    lastText(online).insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: kadris });
    await online.whenSaved();

    offline.connect();
    await offline.whenSynced();
    await offline.whenSaved();
    await expect.poll(() => online.xml, { timeout: 10_000 }).toBe(offline.xml);

    const expected = [
      { id: ainos.id, authorId: aino.user.id, authorName: aino.user.name, officeId: 'fi-interior', text: 'Finland: ' },
      { id: kadris.id, authorId: kadri.user.id, authorName: kadri.user.name, officeId: 'ee-interior', text: ' at once' },
    ];
    for (const instance of [first(), second()]) {
      const lateJoiner = await joinLetter(instance, kadri, letterId);
      expect(lateJoiner.text).toBe('Finland: The ministers agree to act together at once.');
      expect(suggestionsIn(lateJoiner)).toMatchObject(expected);
      lateJoiner.destroy();
    }
    expect([...online.closeCodes, ...offline.closeCodes]).toEqual([]);
  });
});
