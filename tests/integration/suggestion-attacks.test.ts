import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { newParagraphId } from '../../shared/domain/paragraph-id.js';
import { SuggestionKind, newSuggestionAttributes, type SuggestionAttributes } from '../../shared/domain/suggestions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, bodyOf, plainText, textParagraphs } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, signIn, type Session } from './harness/sign-in.js';
import { joinLetter, type SyncClient } from './harness/sync-client.js';
import { authorOf, lastParagraph, lastText, opening, suggestionLetters } from './harness/suggestion-letter.js';

/**
 * Rule S13 against a hostile member: hand-written Yjs updates from a suggest-only approver and from
 * an editor, and hand-written bodies for the decision route.
 */
describe('S13 suggestions against hostile updates and requests', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  const { letterWithSuggester, attempt, storedXml } = suggestionLetters(server);

  async function openSuggestionsOf(session: Session, letterId: string) {
    const reader = await joinLetter(server(), session, letterId);
    const [paragraph] = currentParagraphs(reader.doc);
    reader.destroy();
    return paragraph!;
  }

  describe('a suggest-only approver', () => {
    it('S13 may not change a paragraph’s attributes, add paragraphs, move words or delete a paragraph', async () => {
      const { letterId, kadri } = await letterWithSuggester();
      const before = await storedXml(kadri, letterId);
      expect(await attempt(kadri, letterId, (client) => lastParagraph(client).setAttribute('id', newParagraphId()))).toBe(CloseCode.forbidden);
      expect(
        await attempt(kadri, letterId, (client) => {
          const heading = new Y.XmlElement('heading');
          heading.setAttribute('id', newParagraphId());
          heading.setAttribute('level', '2');
          heading.insert(0, [new Y.XmlText('Heading')]);
          bodyOf(client.doc).insert(0, [heading]);
        }),
      ).toBe(CloseCode.forbidden);
      expect(await attempt(kadri, letterId, (client) => bodyOf(client.doc).delete(bodyOf(client.doc).length - 1, 1))).toBe(CloseCode.forbidden);
      const moved = newSuggestionAttributes(authorOf(kadri));
      expect(
        await attempt(kadri, letterId, (client) =>
          client.doc.transact(() => {
            lastText(client).delete(0, 4);
            lastText(client).insert(lastText(client).length, ' The', { [SuggestionKind.insertion]: moved });
          }),
        ),
      ).toBe(CloseCode.forbidden);
      expect(await storedXml(kadri, letterId)).toBe(before);
    });

    it('S13 may not claim existing words as its own insertion, nor take off another person’s deletion mark', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const ainos = newSuggestionAttributes(authorOf(aino));
      expect(await attempt(aino, letterId, (client) => lastText(client).format(4, 9, { [SuggestionKind.deletion]: ainos }))).toBe('saved');
      const own = newSuggestionAttributes(authorOf(kadri));
      expect(await attempt(kadri, letterId, (client) => lastText(client).format(0, 3, { [SuggestionKind.insertion]: own }))).toBe(CloseCode.forbidden);
      expect(await attempt(kadri, letterId, (client) => lastText(client).format(4, 9, { [SuggestionKind.deletion]: null }))).toBe(CloseCode.forbidden);
      expect(await attempt(kadri, letterId, (client) => lastText(client).format(4, 9, { [SuggestionKind.deletion]: own }))).toBe(CloseCode.forbidden);
      const paragraph = await openSuggestionsOf(kadri, letterId);
      expect(paragraph.suggestions).toMatchObject([{ kind: SuggestionKind.deletion, id: ainos.id, authorId: aino.user.id, text: 'ministers' }]);
    });

    it('S13 may not re-use another person’s suggestion id, as the same kind or the other', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const ainos = newSuggestionAttributes(authorOf(aino));
      expect(await attempt(aino, letterId, (client) => lastText(client).insert(0, 'Finland: ', { [SuggestionKind.insertion]: ainos }))).toBe('saved');
      const sameId: SuggestionAttributes = { ...newSuggestionAttributes(authorOf(kadri)), id: ainos.id };
      expect(
        await attempt(kadri, letterId, (client) => lastText(client).insert(lastText(client).length, ' Estonia.', { [SuggestionKind.insertion]: sameId })),
      ).toBe(CloseCode.forbidden);
      // A deletion under the id of Aino's insertion would go with it when her insertion is accepted.
      expect(await attempt(kadri, letterId, (client) => lastText(client).format(lastText(client).length - 9, 8, { [SuggestionKind.deletion]: sameId }))).toBe(
        CloseCode.forbidden,
      );
      const paragraph = await openSuggestionsOf(kadri, letterId);
      expect(paragraph.suggestions).toMatchObject([{ kind: SuggestionKind.insertion, id: ainos.id, authorId: aino.user.id, text: 'Finland: ' }]);
      expect(paragraph.suggestions).toHaveLength(1);
    });

    it('S13 suggestion marks with oversized, odd or extra attributes are refused with 4422', async () => {
      const { letterId, kadri } = await letterWithSuggester();
      const base = newSuggestionAttributes(authorOf(kadri));
      const odd: Record<string, unknown>[] = [
        { ...base, authorName: 'K'.repeat(100_000) },
        { ...base, time: 1_700_000_000_000 },
        { ...base, time: { toString: 'now' } },
        { ...base, extra: 'x' },
        { ...base, id: '../../etc' },
      ];
      for (const attrs of odd) {
        expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'ODD ', { [SuggestionKind.insertion]: attrs }))).toBe(
          CloseCode.updateRefused,
        );
      }
      expect(await storedXml(kadri, letterId)).not.toContain('ODD');
    });

    it('S13 a suggestion dated in the future is refused with 4422; one dated a minute ago is kept', async () => {
      const { letterId, kadri } = await letterWithSuggester();
      const future = { ...newSuggestionAttributes(authorOf(kadri)), time: '2999-01-01T00:00:00.000Z' };
      expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'LATER ', { [SuggestionKind.insertion]: future }))).toBe(
        CloseCode.updateRefused,
      );
      const recent = newSuggestionAttributes(authorOf(kadri), new Date(Date.now() - 60_000));
      expect(await attempt(kadri, letterId, (client) => lastText(client).insert(0, 'NOW ', { [SuggestionKind.insertion]: recent }))).toBe('saved');
      const stored = await storedXml(kadri, letterId);
      expect(stored).not.toContain('LATER');
      expect(stored).toContain('NOW');
    });
    it('S13 suggestion attributes holding characters XML cannot carry are refused with 4422, and nothing is stored', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const before = await storedXml(kadri, letterId);
      for (const session of [kadri, aino]) {
        const base = newSuggestionAttributes(authorOf(session));
        const illegal: Record<string, unknown>[] = [
          { ...base, authorName: `${base.authorName}\uFFFE` },
          { ...base, authorName: `${base.authorName}\uFFFF` },
          { ...base, authorName: `\u0000${base.authorName}` },
          { ...base, authorName: `${base.authorName}\u001B[2J` },
          { ...base, authorId: `${base.authorId}\u0001` },
          { ...base, officeId: `${base.officeId}\t` },
        ];
        for (const attrs of illegal) {
          expect(await attempt(session, letterId, (client) => lastText(client).insert(0, 'ODD ', { [SuggestionKind.insertion]: attrs }))).toBe(
            CloseCode.updateRefused,
          );
        }
      }
      expect(await storedXml(kadri, letterId)).toBe(before);
    });

    it('S13 a paragraph holds at most 200 open suggestions: one more is refused with 4413, and all 200 are listed and accepted in one request', async () => {
      const { letterId, kadri, aino, paragraphId } = await letterWithSuggester();
      // 200 one-letter proposals in one update, each a suggestion of its own.
      expect(
        await attempt(kadri, letterId, (client) =>
          client.doc.transact(() => {
            for (let i = 0; i < 200; i++) lastText(client).insert(lastText(client).length, 'x', { [SuggestionKind.insertion]: newSuggestionAttributes(authorOf(kadri)) });
          }),
        ),
      ).toBe('saved');
      const one = (session: Session) => (client: SyncClient) => lastText(client).insert(0, 'y', { [SuggestionKind.insertion]: newSuggestionAttributes(authorOf(session)) });
      expect(await attempt(kadri, letterId, one(kadri))).toBe(CloseCode.letterTooLarge);
      expect(await attempt(aino, letterId, one(aino))).toBe(CloseCode.letterTooLarge);
      const paragraph = await openSuggestionsOf(aino, letterId);
      expect(paragraph.suggestions).toHaveLength(200);
      expect(paragraph.text).toBe(`${opening}${'x'.repeat(200)}`);
      const decided = await apiRequest(server(), aino, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/suggestions`, {
        decision: 'accept',
        suggestionIds: paragraph.suggestions!.map((suggestion) => suggestion.id),
        hash: paragraph.hash,
      });
      expect(decided.status).toBe(200);
      const after = await openSuggestionsOf(aino, letterId);
      expect(after.suggestions).toEqual([]);
      expect(after.text).toBe(`${opening}${'x'.repeat(200)}`);
      // Accepted, they are text: the paragraph takes new proposals again.
      expect(await attempt(kadri, letterId, one(kadri))).toBe('saved');
    });
  });

  describe('an editor', () => {
    it('S13 may not re-use another person’s suggestion id for a suggestion of its own', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const kadris = newSuggestionAttributes(authorOf(kadri));
      expect(await attempt(kadri, letterId, (client) => lastText(client).format(0, 3, { [SuggestionKind.deletion]: kadris }))).toBe('saved');
      const sameId: SuggestionAttributes = { ...newSuggestionAttributes(authorOf(aino)), id: kadris.id };
      expect(await attempt(aino, letterId, (client) => lastText(client).insert(lastText(client).length, ' Finland.', { [SuggestionKind.insertion]: sameId }))).toBe(
        CloseCode.forbidden,
      );
      const reader = await joinLetter(server(), aino, letterId);
      expect(plainText(reader.doc)).not.toContain('Finland.');
      reader.destroy();
    });
    it('S13 may not rewrite the note of someone else’s suggestion, which says where it came from', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const kadris = newSuggestionAttributes(authorOf(kadri));
      expect(await attempt(kadri, letterId, (client) => lastText(client).insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: kadris }))).toBe(
        'saved',
      );
      const renoted: SuggestionAttributes = { ...kadris, note: 'Tracked change in Word by the Minister himself' };
      expect(
        await attempt(aino, letterId, (client) => lastText(client).format(opening.length - 1, ' at once'.length, { [SuggestionKind.insertion]: renoted })),
      ).toBe(CloseCode.forbidden);
      const reader = await joinLetter(server(), aino, letterId);
      const [paragraph] = currentParagraphs(reader.doc);
      reader.destroy();
      expect(paragraph!.suggestions).toMatchObject([{ id: kadris.id, text: ' at once' }]);
      expect(JSON.stringify(paragraph!.suggestions)).not.toContain('Minister himself');
    });
    it('S13 may not put new words under a copy of someone else’s suggestion, but may split a paragraph across it', async () => {
      const { letterId, kadri, aino } = await letterWithSuggester();
      const kadris = newSuggestionAttributes(authorOf(kadri));
      expect(await attempt(kadri, letterId, (client) => lastText(client).insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: kadris }))).toBe(
        'saved',
      );
      expect(await attempt(aino, letterId, (client) => lastText(client).insert(0, 'FORGED ', { [SuggestionKind.insertion]: kadris }))).toBe(CloseCode.forbidden);
      expect(
        await attempt(aino, letterId, (client) =>
          client.doc.transact(() => (appendParagraph(client.doc, '').get(0) as Y.XmlText).insert(0, 'ALSO FORGED', { [SuggestionKind.insertion]: kadris })),
        ),
      ).toBe(CloseCode.forbidden);
      // Enter inside Kadri's proposal: its tail moves to a new paragraph, still Kadri's.
      const splitAt = opening.length - 1 + ' at'.length;
      expect(
        await attempt(aino, letterId, (client) =>
          client.doc.transact(() => {
            const text = lastText(client);
            const tail = text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
            let offset = 0;
            const moved: { insert: string; attributes?: Record<string, unknown> }[] = [];
            for (const op of tail) {
              const end = offset + op.insert.length;
              if (end > splitAt) moved.push({ ...op, insert: op.insert.slice(Math.max(0, splitAt - offset)) });
              offset = end;
            }
            text.delete(splitAt, text.length - splitAt);
            const next = appendParagraph(client.doc, '').get(0) as Y.XmlText;
            next.applyDelta(moved);
          }),
        ),
      ).toBe('saved');
      const reader = await joinLetter(server(), aino, letterId);
      const paragraphs = currentParagraphs(reader.doc);
      reader.destroy();
      expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['The ministers agree to act together at', ' once.']);
      expect(paragraphs.flatMap((paragraph) => paragraph.suggestions ?? [])).toMatchObject([
        { id: kadris.id, authorId: kadri.user.id, text: ' at' },
        { id: kadris.id, authorId: kadri.user.id, text: ' once' },
      ]);
    });
  });

  describe('the decision route', () => {
    async function withOpenSuggestions() {
      const setup = await letterWithSuggester();
      const { letterId, kadri, aino } = setup;
      const kadris = newSuggestionAttributes(authorOf(kadri));
      const ainos = newSuggestionAttributes(authorOf(aino));
      expect(await attempt(kadri, letterId, (client) => lastText(client).insert(opening.length - 1, ' at once', { [SuggestionKind.insertion]: kadris }))).toBe(
        'saved',
      );
      expect(await attempt(aino, letterId, (client) => lastText(client).format(0, 4, { [SuggestionKind.deletion]: ainos }))).toBe('saved');
      const hash = (await openSuggestionsOf(aino, letterId)).hash;
      const decide = (session: Session, body: unknown, paragraphId = setup.paragraphId) =>
        apiRequest(server(), session, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/suggestions`, body);
      return { ...setup, kadris, ainos, hash, decide };
    }

    it('S13 refuses ids of another paragraph, ids that are not strings and too many ids, deciding nothing', async () => {
      const { letterId, helena, aino, kadris, hash, decide } = await withOpenSuggestions();
      const writer = await joinLetter(server(), helena, letterId);
      const other = appendParagraph(writer.doc, 'A second paragraph.');
      await writer.whenSaved();
      writer.destroy();
      const otherId = other.getAttribute('id')!;
      expect((await decide(aino, { decision: 'accept', suggestionIds: [kadris.id], hash }, otherId)).status).toBe(409);
      for (const suggestionIds of [[42], [{ id: kadris.id }], [null], Array.from({ length: 5000 }, () => kadris.id), []]) {
        const response = await decide(aino, { decision: 'accept', suggestionIds, hash });
        expect(response.status).toBe(400);
      }
      expect((await decide(aino, { decision: 'accept', suggestionIds: kadris.id, hash })).status).toBe(400);
      expect((await decide(aino, { decision: 'accept', suggestionIds: [kadris.id], hash, extra: true })).status).toBe(400);
      expect((await decide(aino, { decision: 'accept', suggestionIds: [kadris.id], hash: 'x' })).status).toBe(400);
      expect((await openSuggestionsOf(aino, letterId)).suggestions).toHaveLength(2);
    });

    it('S13 withdrawing someone else’s suggestion is 403, an observer 403, an outsider 404', async () => {
      const { letterId, helena, kadri, aino, kadris, ainos, hash, decide } = await withOpenSuggestions();
      expect((await decide(kadri, { decision: 'withdraw', suggestionIds: [ainos.id], hash })).status).toBe(403);
      expect((await decide(aino, { decision: 'withdraw', suggestionIds: [kadris.id, ainos.id], hash })).status).toBe(403);
      const outsider = await signIn(server(), 'Mette Sørensen');
      expect((await decide(outsider, { decision: 'accept', suggestionIds: [kadris.id], hash })).status).toBe(404);
      const set = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${kadri.user.id}`, { roles: ['observer'] });
      expect(set.status).toBe(200);
      expect((await decide(kadri, { decision: 'withdraw', suggestionIds: [kadris.id], hash })).status).toBe(403);
      expect((await openSuggestionsOf(aino, letterId)).suggestions).toHaveLength(2);
    });
  });

  describe('with a limit of 3 open suggestions per letter', () => {
    const limited = useSharedServer({ env: { ROOM_GRACE_MS: '0', SUGGESTIONS_MAX_PER_LETTER: '3' } });
    const letters = suggestionLetters(limited);

    it('S13 a new suggestion past the letter’s limit is refused with 4413, in any paragraph, and nothing of it is stored', async () => {
      const { letterId, kadri, aino, helena } = await letters.letterWithSuggester();
      const writer = await joinLetter(limited(), helena, letterId);
      appendParagraph(writer.doc, 'A second paragraph.');
      await writer.whenSaved();
      writer.destroy();
      const suggest = (session: Session, words: string) => (client: SyncClient) =>
        lastText(client).insert(0, words, { [SuggestionKind.insertion]: newSuggestionAttributes(authorOf(session)) });
      expect(await letters.attempt(kadri, letterId, suggest(kadri, 'One '))).toBe('saved');
      expect(await letters.attempt(aino, letterId, suggest(aino, 'Two '))).toBe('saved');
      expect(await letters.attempt(kadri, letterId, suggest(kadri, 'Three '))).toBe('saved');
      const before = await letters.storedXml(kadri, letterId);
      expect(await letters.attempt(aino, letterId, suggest(aino, 'Four '))).toBe(CloseCode.letterTooLarge);
      expect(
        await letters.attempt(kadri, letterId, (client) =>
          (textParagraphs(client.doc)[0]!.text).insert(0, 'Four ', { [SuggestionKind.insertion]: newSuggestionAttributes(authorOf(kadri)) }),
        ),
      ).toBe(CloseCode.letterTooLarge);
      expect(await letters.storedXml(kadri, letterId)).toBe(before);
    });
  });
});
