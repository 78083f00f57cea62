import { describe, expect, it } from 'vitest';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { SuggestionKind, newSuggestionAttributes, type SuggestionAttributes } from '../../shared/domain/suggestions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, plainText } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, type Session } from './harness/sign-in.js';
import { joinLetter } from './harness/sync-client.js';
import { authorOf, lastText, opening, suggestionLetters } from './harness/suggestion-letter.js';

describe('S13 suggestions on the websocket and through the API', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  const { letterWithSuggester, attempt, storedXml: storedText } = suggestionLetters(server);

  it('S13 an approver who may not edit stores a proposed insertion in their own name', async () => {
    const { letterId, helena, kadri } = await letterWithSuggester();
    const attrs = newSuggestionAttributes(authorOf(kadri));
    const outcome = await attempt(kadri, letterId, (client) => lastText(client).insert(opening.length - 1, ' without delay', { [SuggestionKind.insertion]: attrs }));
    expect(outcome).toBe('saved');
    const reader = await joinLetter(server(), helena, letterId);
    expect(plainText(reader.doc)).toContain('together without delay.');
    const [paragraph] = currentParagraphs(reader.doc);
    expect(paragraph!.suggestions).toMatchObject([{ kind: SuggestionKind.insertion, authorId: kadri.user.id, officeId: 'ee-interior', text: ' without delay' }]);
  });

  it('S13 a suggest-only approver may mark existing words as proposed for deletion', async () => {
    const { letterId, kadri } = await letterWithSuggester();
    const attrs = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(kadri, letterId, (client) => lastText(client).format(0, 4, { [SuggestionKind.deletion]: attrs }))).toBe('saved');
    expect(await storedText(kadri, letterId)).toContain(`<${SuggestionKind.deletion}`);
  });

  it('S13 a suggest-only approver’s plain edit is refused with 4403 and nothing is stored', async () => {
    const { letterId, kadri } = await letterWithSuggester();
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'FORGED '))).toBe(CloseCode.forbidden);
    expect(await attempt(kadri, letterId, (client) => lastText(client).delete(0, 4))).toBe(CloseCode.forbidden);
    expect(await attempt(kadri, letterId, (client) => appendParagraph(client.doc, 'A NEW PARAGRAPH'))).toBe(CloseCode.forbidden);
    expect(await attempt(kadri, letterId, (client) => lastText(client).format(0, 3, { bold: {} }))).toBe(CloseCode.forbidden);
    const stored = await storedText(kadri, letterId);
    expect(stored).toContain(opening);
    expect(stored).not.toMatch(/FORGED|A NEW PARAGRAPH|<bold/);
  });

  it('S13 a suggestion in the name of another person or office is refused with 4403, from an editor too', async () => {
    const { letterId, kadri, aino } = await letterWithSuggester();
    const claimed: SuggestionAttributes = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(aino, letterId, (client) => lastText(client).insert(0, 'CLAIMED ', { [SuggestionKind.insertion]: claimed }))).toBe(CloseCode.forbidden);
    const otherOffice = { ...newSuggestionAttributes(authorOf(kadri)), officeId: 'fi-interior' };
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'OFFICE ', { [SuggestionKind.insertion]: otherOffice }))).toBe(
      CloseCode.forbidden,
    );
    const stored = await storedText(aino, letterId);
    expect(stored).not.toMatch(/CLAIMED|OFFICE/);
  });

  it('S13 a suggest-only approver may withdraw their own proposal but not remove someone else’s', async () => {
    const { letterId, kadri, aino } = await letterWithSuggester();
    const ainos = newSuggestionAttributes(authorOf(aino));
    expect(await attempt(aino, letterId, (client) => lastText(client).insert(0, 'Finland: ', { [SuggestionKind.insertion]: ainos }))).toBe('saved');
    const own = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(lastText(client).length, ' Estonia.', { [SuggestionKind.insertion]: own }))).toBe(
      'saved',
    );
    expect(await attempt(kadri, letterId, (client) => lastText(client).delete(lastText(client).length - ' Estonia.'.length, ' Estonia.'.length))).toBe('saved');
    expect(await attempt(kadri, letterId, (client) => lastText(client).format(0, 'Finland: '.length, { [SuggestionKind.insertion]: null }))).toBe(CloseCode.forbidden);
    expect(await attempt(kadri, letterId, (client) => lastText(client).delete(0, 'Finland: '.length))).toBe(CloseCode.forbidden);
    const stored = await storedText(aino, letterId);
    expect(stored).toContain('Finland: ');
    expect(stored).not.toContain('Estonia.');
  });

  it('S13 an observer may not suggest', async () => {
    const { letterId, helena, kadri } = await letterWithSuggester();
    const set = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${kadri.user.id}`, { roles: ['observer'] });
    expect(set.status).toBe(200);
    const attrs = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'Observed ', { [SuggestionKind.insertion]: attrs }))).toBe(CloseCode.forbidden);
  });

  it('S13 open suggestions block approval and readiness; accepting and rejecting are attributed server edits', async () => {
    const { letterId, helena, kadri, aino, paragraphId } = await letterWithSuggester();
    const insertion = newSuggestionAttributes(authorOf(kadri));
    const deletion = newSuggestionAttributes(authorOf(kadri));
    const outcome = await attempt(kadri, letterId, (client) => {
      const text = lastText(client);
      client.doc.transact(() => {
        text.insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: insertion });
        text.format(0, 4, { [SuggestionKind.deletion]: deletion });
      });
    });
    expect(outcome).toBe('saved');
    const reader = await joinLetter(server(), kadri, letterId);
    const before = currentParagraphs(reader.doc)[0]!;

    const approve = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/signoffs`, {
      action: 'approve',
      hash: before.hash,
    });
    expect(approve.status).toBe(409);
    expect(await approve.json()).toMatchObject({ error: { code: 'suggestions_open', message: expect.stringMatching(/Paragraph 1 has open suggestions/) } });
    await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/status`, { to: 'in_review' });
    const ready = await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/status`, { to: 'ready' });
    expect(ready.status).toBe(409);
    expect(await ready.json()).toMatchObject({ error: { code: 'suggestions_open' } });

    const decide = (session: Session, decision: string, ids: string[], hash: string) =>
      apiRequest(server(), session, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/suggestions`, { decision, suggestionIds: ids, hash });
    expect((await decide(kadri, 'accept', [insertion.id], before.hash)).status).toBe(403);
    expect((await decide(aino, 'withdraw', [insertion.id], before.hash)).status).toBe(403);
    const accepted = await decide(aino, 'accept', [insertion.id], before.hash);
    expect(accepted.status).toBe(200);
    const afterAccept = (await accepted.json()) as { hash: string; text: string };
    expect(afterAccept.text).toBe('The ministers agree to act together at once.');
    expect((await decide(aino, 'reject', [deletion.id], before.hash)).status).toBe(409);
    const rejected = await decide(aino, 'reject', [deletion.id], afterAccept.hash);
    expect(rejected.status).toBe(200);
    const final = (await rejected.json()) as { hash: string; text: string };
    expect(final.text).toBe('The ministers agree to act together at once.');

    const history = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/paragraphs/${paragraphId}/history`);
    const revisions = ((await history.json()) as { revisions: { by: string | null; text: string }[] }).revisions;
    expect(revisions[0]).toMatchObject({ by: 'Aino Mäkelä', text: 'The ministers agree to act together at once.' });
    const audit = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/audit`);
    const events = JSON.stringify(await audit.json());
    expect(events.match(/suggestions_decided/g)?.length).toBe(2);

    const approved = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/signoffs`, {
      action: 'approve',
      hash: final.hash,
    });
    expect(approved.status).toBe(201);
  });

  it('N8 a new suggestion on a paragraph an office approved tells that office’s approvers once, never its author', async () => {
    const { letterId, helena, kadri, aino, paragraphId } = await letterWithSuggester();
    const reader = await joinLetter(server(), kadri, letterId);
    const [paragraph] = currentParagraphs(reader.doc);
    reader.destroy();
    const approved = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/signoffs`, { action: 'approve', hash: paragraph!.hash });
    expect(approved.status).toBe(201);
    const titlesOf = async (session: Session) => {
      const response = await apiRequest(server(), session, 'GET', '/api/notifications');
      return ((await response.json()) as { notifications: { kind: string; title: string }[] }).notifications
        .filter((notification) => notification.kind === 'comment_on_approved')
        .map((notification) => notification.title);
    };
    const { title } = (await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}`)).json()) as { title: string };
    const ainos = newSuggestionAttributes(authorOf(aino));
    expect(await attempt(aino, letterId, (client) => lastText(client).insert(0, 'Finland: ', { [SuggestionKind.insertion]: ainos }))).toBe('saved');
    await expect.poll(() => titlesOf(kadri), { timeout: 5_000 }).toEqual([`Aino Mäkelä suggested a change to a paragraph your office approved in “${title}”`]);
    // More words of the same proposal, and a proposal of Kadri's own, tell Kadri nothing new.
    expect(await attempt(aino, letterId, (client) => lastText(client).insert('Finland:'.length, ' at once', { [SuggestionKind.insertion]: ainos }))).toBe('saved');
    const kadris = newSuggestionAttributes(authorOf(kadri));
    expect(await attempt(kadri, letterId, (client) => lastText(client).format(lastText(client).length - 9, 8, { [SuggestionKind.deletion]: kadris }))).toBe('saved');
    // A later proposal by Helena is told: the earlier ones were handled before it.
    const helenas = newSuggestionAttributes(authorOf(helena));
    expect(await attempt(helena, letterId, (client) => lastText(client).insert(lastText(client).length, ' Signed.', { [SuggestionKind.insertion]: helenas }))).toBe('saved');
    await expect.poll(() => titlesOf(kadri), { timeout: 5_000 }).toHaveLength(2);
    expect((await titlesOf(kadri))[0]).toMatch(/^Helena Virtanen suggested a change to a paragraph your office approved in/);
    // Finland approved nothing: its people are not told; nobody is told of their own proposal.
    expect(await titlesOf(aino)).toEqual([]);
    expect(await titlesOf(helena)).toEqual([]);
  });
});
