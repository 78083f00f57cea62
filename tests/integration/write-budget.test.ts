import { describe, expect, it } from 'vitest';
import type { ThreadList, ThreadResponse } from '../../shared/api/comments.js';
import type { SuggestionDecisionResponse } from '../../shared/api/suggestions.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { newSuggestionAttributes, SuggestionKind } from '../../shared/domain/suggestions.js';
import { loadConfig } from '../../server/config.js';
import { textParagraphs } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, signIn } from './harness/sign-in.js';
import { joinLetter } from './harness/sync-client.js';
import { authorOf, opening, suggestionLetters } from './harness/suggestion-letter.js';

/** WRITE_REQUESTS_PER_MINUTE as the server runs it: the documented default. */
const budget = loadConfig({}).writeRequestsPerMinute;

describe('each person has a budget of writes a minute', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });
  const { letterWithSuggester, attempt } = suggestionLetters(server);

  it('a member resolving and reopening a thread again and again is refused with 429 once over the budget, in every session, while colleagues go on writing', async () => {
    const { letterId, helena, kadri, aino, paragraphId } = await letterWithSuggester();
    const started = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/threads`, { paragraphId, body: 'Is this wording agreed?' });
    expect(started.status).toBe(201);
    const threadId = ((await started.json()) as ThreadResponse).thread.id;
    const statusUrl = `/api/letters/${letterId}/threads/${threadId}/status`;

    // Starting the thread was Kadri's first write of the minute; then she toggles until she is refused.
    let accepted = 1;
    let refusal: Response | null = null;
    let lastStatus = 'open';
    while (!refusal && accepted <= budget) {
      const status = accepted % 2 === 1 ? 'resolved' : 'open';
      const response = await apiRequest(server(), kadri, 'PUT', statusUrl, { status });
      if (response.status === 429) refusal = response;
      else {
        expect(response.status).toBe(200);
        lastStatus = status;
        accepted += 1;
      }
    }
    expect(accepted).toBe(budget);
    expect(refusal?.status).toBe(429);
    expect(await refusal!.json()).toMatchObject({ error: { code: 'too_many_writes', message: expect.stringMatching(/Too many changes/) } });
    const wait = Number(refusal!.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);

    // Signing in again does not start a new budget; reading still works.
    const kadriAgain = await signIn(server(), 'Kadri Tamm');
    const again = await apiRequest(server(), kadriAgain, 'PUT', statusUrl, { status: lastStatus === 'open' ? 'resolved' : 'open' });
    expect(again.status).toBe(429);
    const threads = await apiRequest(server(), kadriAgain, 'GET', `/api/letters/${letterId}/threads`);
    expect(threads.status).toBe(200);
    expect(((await threads.json()) as ThreadList).threads.find((thread) => thread.id === threadId)?.status).toBe(lastStatus);

    // Colleagues on the same letter are not held up by her budget.
    const reply = await apiRequest(server(), aino, 'POST', `/api/letters/${letterId}/threads/${threadId}/comments`, { body: 'Yes, Finland agrees.' });
    expect(reply.status).toBe(201);
    const resolved = await apiRequest(server(), helena, 'PUT', statusUrl, { status: lastStatus === 'open' ? 'resolved' : 'open' });
    expect(resolved.status).toBe(200);
  });

  it('a drafter deciding 40 suggestions one after another is never refused', async () => {
    const { letterId, kadri, aino, paragraphId } = await letterWithSuggester();
    const ids: string[] = [];
    const made = await attempt(kadri, letterId, (client) => {
      const text = textParagraphs(client.doc)[0]!.text;
      client.doc.transact(() => {
        for (let index = 0; index < 40; index++) {
          const insertion = newSuggestionAttributes(authorOf(kadri));
          ids.push(insertion.id);
          text.insert(text.length, ` w${index}`, { [SuggestionKind.insertion]: insertion });
        }
      });
    });
    expect(made).toBe('saved');
    const reader = await joinLetter(server(), aino, letterId);
    let hash = currentParagraphs(reader.doc)[0]!.hash;
    reader.destroy();

    for (const id of ids) {
      const decide = () =>
        apiRequest(server(), aino, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/suggestions`, {
          decision: 'accept',
          suggestionIds: [id],
          hash,
        });
      let decided = await decide();
      // A store that cannot confirm a write just now answers 503 store_unavailable, which may be
      // repeated (on a loaded machine with two instances); only the budget's 429 would be a refusal.
      for (let retry = 0; retry < 3 && decided.status === 503; retry++) decided = await decide();
      expect(decided.status).toBe(200);
      hash = ((await decided.json()) as SuggestionDecisionResponse).hash;
    }
    const after = await joinLetter(server(), aino, letterId);
    expect(currentParagraphs(after.doc)[0]!.text).toBe(`${opening}${ids.map((_id, index) => ` w${index}`).join('')}`);
    after.destroy();
  });
});
