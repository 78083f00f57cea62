import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ParagraphHistory, RestoreResponse } from '../../shared/api/history.js';
import type { SignoffGrid } from '../../shared/api/signoffs.js';
import type { VersionComparison, VersionSummary } from '../../shared/api/versions.js';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, type Session, signIn } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';
import { withTimeout } from './harness/wait-for.js';

/** Types `text` at the end of the paragraph one character per update, as a person types. */
async function typeInto(client: SyncClient, paragraphIndex: number, text: string): Promise<void> {
  const target = textParagraphs(client.doc)[paragraphIndex]!.text;
  for (const character of text) target.insert(target.length, character);
  await client.whenSaved();
}

async function historyOf(session: Session, letterId: string, paragraphId: string): Promise<ParagraphHistory> {
  const response = await apiRequest(server(), session, 'GET', `/api/letters/${letterId}/paragraphs/${paragraphId}/history`);
  expect(response.status).toBe(200);
  return (await response.json()) as ParagraphHistory;
}

/** Resolves once the client's copy of the letter satisfies `holds`. */
function whenDocument(client: SyncClient, holds: () => boolean, awaited: () => string): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!holds()) return;
        client.doc.off('update', check);
        resolve();
      };
      client.doc.on('update', check);
      check();
    }),
    10_000,
    awaited,
  );
}

function whenParagraphReads(client: SyncClient, index: number, text: string): Promise<void> {
  const current = () => textParagraphs(client.doc)[index]?.text.toString();
  return whenDocument(client, () => current() === text, () => `paragraph ${index} to read "${text}" (it reads "${current()}")`);
}

function whenParagraphCount(client: SyncClient, count: number): Promise<void> {
  const current = () => textParagraphs(client.doc).length;
  return whenDocument(client, () => current() === count, () => `${count} paragraphs (there are ${current()})`);
}

const server = useSharedServer({ env: { HISTORY_PAUSE_SECONDS: '60' } });

describe('paragraph history', () => {
  async function letterWithParagraph(): Promise<{ helena: Session; mette: Session; letterId: string; paragraphId: string; first: SyncClient; second: SyncClient }> {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const letterId = await createLetter(server(), helena);
    const first = connectClient(server(), helena, letterId);
    const second = connectClient(server(), mette, letterId);
    await Promise.all([first.whenSynced(), second.whenSynced()]);
    const paragraphId = randomUUID();
    appendParagraph(first.doc, 'The ministers agree', paragraphId);
    await first.whenSaved();
    await whenParagraphReads(second, 0, 'The ministers agree');
    return { helena, mette, letterId, paragraphId, first, second };
  }

  it('attributes each turn to the person who typed it, and a burst of typing is one revision', async () => {
    const { helena, letterId, paragraphId, first, second } = await letterWithParagraph();

    await typeInto(first, 0, ' on the following points');
    await whenParagraphReads(second, 0, 'The ministers agree on the following points');
    await typeInto(second, 0, ', subject to review.');
    await whenParagraphReads(first, 0, 'The ministers agree on the following points, subject to review.');

    const history = await historyOf(helena, letterId, paragraphId);
    expect(history.revisions.map((revision) => [revision.kind, revision.by, revision.officeId])).toEqual([
      ['edited', 'Mette Sørensen', 'dk-immigration'],
      ['created', 'Helena Virtanen', 'fi-interior'],
    ]);
    expect(history.revisions[1]!.changes).toBe(1 + ' on the following points'.length);
    expect(history.revisions[1]!.text).toBe('The ministers agree on the following points');
    expect(history.revisions[0]!.text).toBe('The ministers agree on the following points, subject to review.');
    expect(history.current?.text).toBe(history.revisions[0]!.text);
  });

  it('starts a new revision after a sign-off, and restores an older text as a new revision that makes approvals stale', async () => {
    const { helena, mette, letterId, paragraphId, first, second } = await letterWithParagraph();
    const before = await historyOf(helena, letterId, paragraphId);
    const approve = await apiRequest(server(), mette, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/signoffs`, {
      action: 'approve',
      hash: before.current!.hash,
    });
    expect(approve.status).toBe(201);
    await typeInto(first, 0, ' in principle');

    const afterTyping = await historyOf(helena, letterId, paragraphId);
    expect(afterTyping.revisions.map((revision) => revision.kind)).toEqual(['edited', 'created']);
    expect(afterTyping.signoffs.map((act) => [act.action, act.by, act.paragraphText])).toEqual([['approve', 'Mette Sørensen', 'The ministers agree']]);

    const older = afterTyping.revisions[1]!;
    const restored = await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/restore`, {
      revisionId: older.id,
      hash: afterTyping.current!.hash,
    });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as RestoreResponse).text).toBe('The ministers agree');
    await Promise.all([whenParagraphReads(first, 0, 'The ministers agree'), whenParagraphReads(second, 0, 'The ministers agree')]);

    const afterRestore = await historyOf(helena, letterId, paragraphId);
    expect(afterRestore.revisions[0]).toMatchObject({ kind: 'restored', by: 'Helena Virtanen', restoredFrom: older.id, hash: older.hash });
    // Back to the approved words: the approval holds again (same hash, rule S4).
    const grid = (await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/signoff-grid`)).json()) as SignoffGrid;
    expect(grid.paragraphs[0]!.states['dk-immigration']).toBe('approved');

    // Restoring again with the hash of text that is no longer there changes nothing.
    const stale = await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/restore`, {
      revisionId: afterTyping.revisions[0]!.id,
      hash: afterTyping.current!.hash,
    });
    expect(stale.status).toBe(409);
    expect((await historyOf(helena, letterId, paragraphId)).revisions).toHaveLength(3);

    // A restore to a text other than the approved one makes that approval stale.
    const restoredTyping = await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/restore`, {
      revisionId: afterTyping.revisions[0]!.id,
      hash: afterRestore.current!.hash,
    });
    expect(restoredTyping.status).toBe(200);
    await whenParagraphReads(second, 0, 'The ministers agree in principle');
    const staleGrid = (await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/signoff-grid`)).json()) as SignoffGrid;
    expect(staleGrid.paragraphs[0]!.states['dk-immigration']).toBe('stale');
  });

  it('records created, split and deleted paragraphs', async () => {
    const { helena, letterId, paragraphId, first, second } = await letterWithParagraph();
    const splitId = randomUUID();
    const paragraph = textParagraphs(first.doc)[0]!;
    first.doc.transact(() => {
      paragraph.text.delete('The ministers'.length, ' agree'.length);
      appendParagraph(first.doc, 'agree', splitId);
    });
    await first.whenSaved();
    const split = await historyOf(helena, letterId, splitId);
    expect(split.revisions[0]).toMatchObject({ kind: 'split', relatedParagraphId: paragraphId, by: 'Helena Virtanen' });

    first.doc.transact(() => (first.doc.getXmlFragment('default') as Y.XmlFragment).delete(1, 1));
    // A deletion adds nothing to the state vector: wait until the other person sees it instead.
    await whenParagraphCount(second, 1);
    const deleted = await historyOf(helena, letterId, splitId);
    expect(deleted.current).toBeNull();
    expect(deleted.revisions.map((revision) => revision.kind)).toEqual(['deleted', 'split']);
  });

  it('refuses a restore from a member who may only read, and an unknown revision', async () => {
    const { helena, letterId, paragraphId } = await letterWithParagraph();
    const history = await historyOf(helena, letterId, paragraphId);
    const members = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/members`);
    const kadriId = ((await members.json()) as { members: { userId: string; name: string }[] }).members.find((m) => m.name === 'Kadri Tamm')!.userId;
    expect((await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${kadriId}`, { roles: ['observer'] })).status).toBe(200);
    const kadri = await signIn(server(), 'Kadri Tamm');
    const request = { revisionId: history.revisions[0]!.id, hash: history.current!.hash };
    expect((await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/restore`, request)).status).toBe(403);
    const unknown = { revisionId: 'f'.repeat(32), hash: history.current!.hash };
    expect((await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/paragraphs/${paragraphId}/restore`, unknown)).status).toBe(404);
    expect((await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/paragraphs/no-such-paragraph/history`)).status).toBe(404);
  });
});

describe('versions of a letter', () => {
  it('saves named versions and compares them paragraph by paragraph', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const [kept, changed, removed] = [randomUUID(), randomUUID(), randomUUID()];
    appendParagraph(writer.doc, 'First point.', kept);
    appendParagraph(writer.doc, 'Second point.', changed);
    appendParagraph(writer.doc, 'Third point.', removed);
    await writer.whenSaved();
    const save = (name: string) => apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/versions`, { name });
    const firstResponse = await save('Sent to capitals for comments');
    expect(firstResponse.status).toBe(201);
    const firstVersion = (await firstResponse.json()) as VersionSummary;
    expect(firstVersion).toMatchObject({ kind: 'named', by: 'Helena Virtanen', paragraphCount: 3 });

    const second = textParagraphs(writer.doc)[1]!.text;
    second.insert(second.length - 1, ', amended');
    writer.doc.getXmlFragment('default').delete(2, 1);
    await writer.whenSaved();
    const secondVersion = (await (await save('After comments')).json()) as VersionSummary;
    expect((await save('x'.repeat(201))).status).toBe(400);
    expect((await apiRequest(server(), mette, 'POST', `/api/letters/${letterId}/versions`, { name: 'Not mine to save' })).status).toBe(403);

    const compared = await apiRequest(server(), mette, 'GET', `/api/letters/${letterId}/compare?from=${firstVersion.id}&to=${secondVersion.id}`);
    const comparison = (await compared.json()) as VersionComparison;
    expect(comparison.entries.map((entry) => [entry.paragraphId, entry.change])).toEqual([
      [kept, 'unchanged'],
      [changed, 'changed'],
      [removed, 'deleted'],
    ]);
    expect(comparison.entries[1]!.after?.text).toBe('Second point, amended.');

    const listed = (await (await apiRequest(server(), mette, 'GET', `/api/letters/${letterId}/versions`)).json()) as { versions: VersionSummary[] };
    expect(listed.versions.map((version) => version.name)).toEqual(['After comments', 'Sent to capitals for comments']);
    const opened = await apiRequest(server(), mette, 'GET', `/api/letters/${letterId}/versions/${firstVersion.id}`);
    const detail = (await opened.json()) as { paragraphs: { text: string }[]; body: { type: string } };
    expect(detail.paragraphs.map((paragraph) => paragraph.text)).toEqual(['First point.', 'Second point.', 'Third point.']);
    expect(detail.body.type).toBe('doc');
    expect((await apiRequest(server(), mette, 'GET', `/api/letters/${letterId}/compare?from=nonsense&to=current`)).status).toBe(404);

    // Every status change keeps the text it applied to.
    expect((await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/status`, { to: 'in_review' })).status).toBe(200);
    const afterMove = (await (await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/versions`)).json()) as { versions: VersionSummary[] };
    expect(afterMove.versions[0]).toMatchObject({ kind: 'status_change', status: 'in_review', paragraphCount: 2 });
  });
});
