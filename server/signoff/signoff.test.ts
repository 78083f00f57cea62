import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Office } from '../../shared/api/offices.js';
import type { LetterStateMessage, SignoffGrid } from '../../shared/api/signoffs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { letterHash, type BodyNodeJson } from '../../shared/domain/letter-hash.js';
import { paragraphHash, type TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { collectTextBlocks, letterBodyJson, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { readLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { type AccessChange, readAccessMessage } from '../../shared/protocol/access-message.js';
import { AccessReason } from '../../shared/protocol/access-reasons.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { textSnapshotOf } from '../store/text-snapshot.js';

const offices: Office[] = ['aa', 'bb', 'cc'].map((code) => ({
  id: `${code}-interior`,
  name: `Ministry ${code.toUpperCase()}`,
  nameEn: `Ministry ${code.toUpperCase()}`,
  country: code,
  ministerName: `Minister ${code}`,
  ministerTitle: `Minister of the Interior ${code}`,
  color: '#1f4e79',
}));
type Person = 'coordinator' | 'approverA' | 'approverB' | 'drafter' | 'outsiderApprover';
const setup: Record<Person, { office: string; roles: string[] }> = {
  coordinator: { office: 'aa-interior', roles: ['coordinator'] },
  approverA: { office: 'aa-interior', roles: ['approver'] },
  approverB: { office: 'bb-interior', roles: ['approver'] },
  drafter: { office: 'bb-interior', roles: ['drafter'] },
  outsiderApprover: { office: 'cc-interior', roles: ['approver'] },
};

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
let server: ReturnType<typeof serve>;
let base: string;
const cookies = {} as Record<Person, string>;
let letterId: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-signoff-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  // As the server does before it listens: the first commit does not wait for the writer's thread to start.
  await store.textWriterStarted();
  services = composeServices(store, createLogger('silent'), testServiceOptions({
    sessionIdleMs: 3_600_000,
    roomGraceMs: 60_000,
    maxBodyBytes: 65_536,
  }));
  await store.accounts.insertOffices(offices);
  const ids = {} as Record<Person, string>;
  for (const [person, { office }] of Object.entries(setup) as [Person, { office: string }][]) {
    ids[person] = randomUUID();
    await store.accounts.insertUser({ id: ids[person], officeId: office, name: person, email: `${person}@x.example`, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
    cookies[person] = `jointly_session=${(await services.sessions.start(ids[person])).id}`;
  }
  letterId = randomUUID();
  const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
  const doc = prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content: [paragraph('p1', 'First point.'), paragraph('p2', 'Second point.')] }, bodyFieldName);
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'in_review', createdBy: ids.coordinator, createdAt: now, updatedAt: now },
    signatories: offices.slice(0, 2).map((office, position) => ({ position, officeId: office.id, signerName: office.ministerName, capacity: office.ministerTitle })),
    memberships: (Object.keys(setup) as Person[]).map((person) => ({ userId: ids[person], roles: setup[person].roles as never })),
    initialText: textSnapshotOf(Y.encodeStateAsUpdate(doc)),
  });
  const sockets = new WebSocketServer({ noServer: true });
  server = serve({ fetch: services.app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: sockets } });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function api(person: Person, method: string, url: string, body?: unknown) {
  return fetch(`http://${base}/api/letters/${letterId}${url}`, {
    method,
    headers: { cookie: cookies[person], ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** A person with the letter open in an editor: a real y-websocket client with their session. */
async function openLetter(person: Person) {
  const doc = new Y.Doc();
  const cookie = cookies[person];
  const states: LetterStateMessage[] = [];
  const provider = new WebsocketProvider(`ws://${base}/sync`, letterId, doc, {
    disableBc: true,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie }, origin: `http://${base}` });
      }
    } as never,
  });
  provider.messageHandlers[MessageType.letterState] = (_encoder: unknown, decoder: decoding.Decoder) => {
    states.push(readLetterStateMessage(decoder));
  };
  cleanups.push(() => provider.destroy());
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const paragraphText = (id: string) =>
    collectTextBlocks(doc.getXmlFragment(bodyFieldName)).find((block) => block.id === id)!.element.get(0) as Y.XmlText;
  const hashOf = (id: string) => paragraphHash(textBlockJson(collectTextBlocks(doc.getXmlFragment(bodyFieldName)).find((block) => block.id === id)!.element));
  const shownCourse = () => states.findLast((state) => state.kind === 'full' || state.kind === 'course')?.course;
  /** The letter hash as a browser computes it: its own paragraphs and the signatories it shows. */
  const shownLetterHash = () =>
    letterHash(
      letterBodyJson(doc.getXmlFragment(bodyFieldName)),
      (shownCourse()?.signatories ?? []).map((s) => ({ officeId: s.office.id, signerName: s.signerName, capacity: s.capacity })),
    );
  return { doc, provider, states, paragraphText, hashOf, shownCourse, shownLetterHash };
}

/**
 * Approvals of the paragraphs as the view shows them; where the office's approval turned stale the
 * item names the earlier approved text, as the sign-off screens do after showing the difference (S12).
 */
async function approvalItems(person: Person, view: { hashOf: (id: string) => string }, ids: string[]) {
  const officeId = setup[person].office;
  return Promise.all(
    ids.map(async (id) => {
      const { acts } = (await (await api(person, 'GET', `/paragraphs/${id}/signoffs`)).json()) as { acts: { officeId: string; action: string; hash: string }[] };
      const latest = acts.filter((act) => act.officeId === officeId).at(-1);
      const hash = view.hashOf(id);
      const staleHash = latest?.action === 'approve' && latest.hash !== hash ? latest.hash : undefined;
      return { paragraphId: id, action: 'approve', hash, ...(staleHash ? { staleHash } : {}) };
    }),
  );
}

const grid = async () => (await (await api('coordinator', 'GET', '/signoff-grid')).json()) as SignoffGrid;
/**
 * Waits, yielding to the event loop, until `check` holds or 10 s have passed. Bounded by time, not
 * by turns of the loop: a commit now finishes on the text writer's thread, so it takes real time
 * rather than a fixed number of turns.
 */
const until = async (check: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !(await check())) await new Promise((resolve) => setImmediate(resolve));
  expect(await check()).toBe(true);
};

describe('sign-off of paragraphs', () => {
  it('S7 records an approval that names the current hash, and pushes it to open editors', async () => {
    const approver = await openLetter('approverA');
    const watcher = await openLetter('drafter');
    const response = await api('approverA', 'POST', '/paragraphs/p1/signoffs', { action: 'approve', hash: approver.hashOf('p1') });
    expect(response.status).toBe(201);
    await until(() => watcher.states.some((state) => state.kind === 'signoffs' && state.signoffs.some((s) => s.paragraphId === 'p1')));
    expect((await grid()).paragraphs[0]!.states['aa-interior']).toBe('approved');
  });

  it('S7 refuses an act on text the server no longer has, and records nothing', async () => {
    const before = (await (await api('coordinator', 'GET', '/paragraphs/p2/signoffs')).json()).acts.length;
    const stale = paragraphHash({ type: 'paragraph', content: [{ type: 'text', text: 'Something else.' }] });
    expect((await api('approverB', 'POST', '/paragraphs/p2/signoffs', { action: 'approve', hash: stale })).status).toBe(409);
    expect((await (await api('coordinator', 'GET', '/paragraphs/p2/signoffs')).json()).acts.length).toBe(before);
  });

  it('S7 records a batch all or nothing', async () => {
    const reader = await openLetter('approverB');
    const good = { paragraphId: 'p1', action: 'approve', hash: reader.hashOf('p1') };
    const bad = { paragraphId: 'p2', action: 'approve', hash: '0'.repeat(64) };
    expect((await api('approverB', 'POST', '/signoffs', { items: [good, bad] })).status).toBe(409);
    expect((await grid()).paragraphs[0]!.states['bb-interior']).toBe('pending');
  });

  it('S8 lets only approvers of signatory offices act, each for their own office', async () => {
    const reader = await openLetter('drafter');
    const act = { action: 'approve', hash: reader.hashOf('p2') };
    expect((await api('drafter', 'POST', '/paragraphs/p2/signoffs', act)).status).toBe(403);
    expect((await api('outsiderApprover', 'POST', '/paragraphs/p2/signoffs', act)).status).toBe(403);
    expect((await api('coordinator', 'POST', '/paragraphs/p2/signoffs', act)).status).toBe(403);
  });

  it('S3/S4 an edit makes only that paragraph stale, and undoing it makes the approval current again', async () => {
    const editor = await openLetter('drafter');
    const approver = await openLetter('approverB');
    for (const id of ['p1', 'p2']) {
      expect((await api('approverB', 'POST', `/paragraphs/${id}/signoffs`, { action: 'approve', hash: approver.hashOf(id) })).status).toBe(201);
    }
    editor.paragraphText('p2').insert(0, 'Changed: ');
    await until(async () => (await grid()).paragraphs[1]!.states['bb-interior'] === 'stale');
    expect((await grid()).paragraphs[0]!.states['bb-interior']).toBe('approved');
    editor.paragraphText('p2').delete(0, 'Changed: '.length);
    await until(async () => (await grid()).paragraphs[1]!.states['bb-interior'] === 'approved');
  });

  it('S5 a request for changes needs a reason and stays until the office acts again', async () => {
    const approver = await openLetter('approverA');
    const hash = approver.hashOf('p2');
    expect((await api('approverA', 'POST', '/paragraphs/p2/signoffs', { action: 'request_changes', hash })).status).toBe(400);
    const asked = await api('approverA', 'POST', '/paragraphs/p2/signoffs', { action: 'request_changes', hash, reason: 'Name the Council meeting.' });
    expect(asked.status).toBe(201);
    expect((await grid()).paragraphs[1]!.states['aa-interior']).toBe('changes_requested');
    expect((await api('approverA', 'POST', '/paragraphs/p2/signoffs', { action: 'withdraw', hash })).status).toBe(201);
    expect((await grid()).paragraphs[1]!.states['aa-interior']).toBe('pending');
  });

  it('S7 never records an approval for text that was not the paragraph’s text when it was checked', async () => {
    const editor = await openLetter('drafter');
    const approver = await openLetter('approverB');
    const outcomes: number[] = [];
    for (let round = 0; round < 40; round++) {
      // The approver decides on what they see while the drafter is typing into the same paragraph.
      const [approval] = await approvalItems('approverB', approver, ['p1']);
      editor.paragraphText('p1').insert(0, String.fromCharCode(97 + (round % 26)));
      const { action, hash, staleHash } = approval!;
      const response = await api('approverB', 'POST', '/paragraphs/p1/signoffs', { action, hash, ...(staleHash ? { staleHash } : {}) });
      outcomes.push(response.status);
      await until(() => approver.hashOf('p1') === editor.hashOf('p1'));
    }
    expect(outcomes.every((status) => status === 201 || status === 409)).toBe(true);
    const { acts } = (await (await api('coordinator', 'GET', '/paragraphs/p1/signoffs')).json()) as {
      acts: { action: string; hash: string; paragraphText: string; officeId: string }[];
    };
    const approvals = acts.filter((act) => act.action === 'approve' && act.officeId === 'bb-interior');
    expect(approvals.length).toBeGreaterThan(0);
    for (const act of approvals) {
      const text = { type: 'paragraph', content: [{ type: 'text', text: act.paragraphText }] };
      expect(paragraphHash(text)).toBe(act.hash);
    }
  });

  it('T1 an earlier text that holds a direction control is not restored', async () => {
    const editor = await openLetter('drafter');
    const before = editor.hashOf('p2');
    // Written before the rule existed: the store still has it in the paragraph's history.
    const content = { type: 'paragraph', content: [{ type: 'text', text: 'Second \u202E.tniop' }] };
    const revisionId = randomUUID().replaceAll('-', '');
    const now = new Date().toISOString();
    await store.history.appendRevisions([
      { id: revisionId, letterId, paragraphId: 'p2', kind: 'edited', userId: null, officeId: null, startedAt: now, endedAt: now, content, hash: paragraphHash(content), changes: 1, relatedParagraphId: null, restoredFrom: null },
    ]);
    const response = await api('drafter', 'POST', '/paragraphs/p2/restore', { revisionId, hash: before });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/U\+202E/);
    expect(editor.hashOf('p2')).toBe(before);
  });

  it('F1 a final signature binds to the text and signatories the signer saw; C3 signatories are fixed from ready on', async () => {
    const a = await openLetter('approverA');
    const b = await openLetter('approverB');
    for (const [person, view] of [['approverA', a], ['approverB', b]] as const) {
      const items = await approvalItems(person, view, ['p1', 'p2']);
      expect((await api(person, 'POST', '/signoffs', { items })).status).toBe(201);
    }
    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    await until(() => a.shownCourse()?.status === 'ready');
    const seen = a.shownLetterHash();
    expect(seen).toBe((await grid()).letterHash);

    const renamed = {
      signatories: offices.slice(0, 2).map((office) => ({ officeId: office.id, signerName: `Deputy ${office.country}`, capacity: office.ministerTitle })),
    };
    const whileReady = await api('coordinator', 'PUT', '/signatories', renamed);
    expect(whileReady.status).toBe(409);
    expect((await whileReady.json()).error.message).toMatch(/back to review/);

    // Between the approver's view and her click the coordinator goes back, renames the signers, and marks it ready again.
    expect((await api('coordinator', 'POST', '/status', { to: 'in_review' })).status).toBe(200);
    expect((await api('coordinator', 'PUT', '/signatories', renamed)).status).toBe(200);
    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    const refused = await api('approverA', 'POST', '/final-signatures', { letterHash: seen });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: 'letter_changed', message: expect.stringMatching(/signatories changed/) });

    await until(() => a.shownLetterHash() !== seen && a.shownCourse()?.status === 'ready');
    expect((await api('approverA', 'POST', '/final-signatures', { letterHash: a.shownLetterHash() })).status).toBe(201);
    const twice = await api('approverA', 'POST', '/final-signatures', { letterHash: a.shownLetterHash() });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.code).toBe('already_signed');
    const events = await store.signoffs.listLetterEvents(letterId);
    expect(events.filter((event) => event.kind === 'final_signature' && event.officeId === 'aa-interior')).toHaveLength(1);

    // Back to review voids the round's signatures (C4).
    expect((await api('coordinator', 'POST', '/status', { to: 'in_review' })).status).toBe(200);
    await until(() => a.shownCourse()?.status === 'in_review');
    expect(a.shownCourse()?.finalSignatures).toEqual([]);
  });

  it('S7 a heading stored without its level hashes as the editor shows it (level 1), so it can be approved and the letter signed', async () => {
    const drafter = await openLetter('drafter');
    const a = await openLetter('approverA');
    const text = new Y.XmlText();
    text.insert(0, 'A heading without a level');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('id', 'no-level');
    heading.insert(0, [text]);
    drafter.doc.getXmlFragment(bodyFieldName).insert(0, [heading]);
    await until(() => collectTextBlocks(a.doc.getXmlFragment(bodyFieldName)).some((block) => block.id === 'no-level'));

    // What an approver's browser hashes: the editor's own node, which has the schema's default level.
    const shown = yXmlFragmentToProseMirrorRootNode(a.doc.getXmlFragment(bodyFieldName), letterSchema());
    const headingJson = shown.child(0).toJSON() as TextBlockJson & { attrs: { level: number } };
    expect(headingJson.attrs.level).toBe(1);
    const approval = await api('approverA', 'POST', '/paragraphs/no-level/signoffs', { action: 'approve', hash: paragraphHash(headingJson) });
    expect(approval.status).toBe(201);
    const signatories = (a.shownCourse()?.signatories ?? []).map((s) => ({ officeId: s.office.id, signerName: s.signerName, capacity: s.capacity }));
    expect(letterHash(shown.toJSON() as BodyNodeJson, signatories)).toBe((await grid()).letterHash);

    drafter.doc.getXmlFragment(bodyFieldName).delete(0, 1);
    await until(async () => (await grid()).paragraphs.length === 2);
  });

  it('F1 a signature binds to the layout too: approved paragraphs moved into a numbered list are another letter', async () => {
    const a = await openLetter('approverA');
    const b = await openLetter('approverB');
    const drafter = await openLetter('drafter');
    for (const [person, view] of [['approverA', a], ['approverB', b]] as const) {
      const items = await approvalItems(person, view, ['p1', 'p2']);
      expect((await api(person, 'POST', '/signoffs', { items })).status).toBe(201);
    }
    const seen = a.shownLetterHash();
    expect(seen).toBe((await grid()).letterHash);

    // While the letter is in review the drafter puts the second paragraph, word for word and under its own id, into a list numbered from 7.
    const body = drafter.doc.getXmlFragment(bodyFieldName);
    const index = body.toArray().findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'p2');
    const words = (drafter.paragraphText('p2').toDelta() as { insert: string }[]).map((op) => op.insert).join('');
    const text = new Y.XmlText();
    text.insert(0, words);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', 'p2');
    paragraph.insert(0, [text]);
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph]);
    const list = new Y.XmlElement('orderedList');
    list.setAttribute('start', 7 as never);
    list.insert(0, [item]);
    drafter.doc.transact(() => {
      body.delete(index, 1);
      body.insert(index, [list]);
    });
    await until(() => a.doc.getXmlFragment(bodyFieldName).toArray().some((node) => node instanceof Y.XmlElement && node.nodeName === 'orderedList'));
    await until(async () => (await grid()).paragraphs.length === 2);
    const after = await grid();
    // Each paragraph still reads as approved: the words did not change (S2), so the letter can be marked ready...
    expect(after.paragraphs.map((row) => row.states['aa-interior'])).toEqual(['approved', 'approved']);
    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    await until(() => a.shownCourse()?.status === 'ready');
    // ...but what Ministry AA saw before is not this letter, and the browser sees that as the server does.
    expect(after.letterHash).not.toBe(seen);
    expect(a.shownLetterHash()).toBe(after.letterHash);
    const refused = await api('approverA', 'POST', '/final-signatures', { letterHash: seen });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('letter_changed');
    expect((await api('approverA', 'POST', '/final-signatures', { letterHash: after.letterHash })).status).toBe(201);
    expect((await api('approverB', 'POST', '/final-signatures', { letterHash: after.letterHash })).status).toBe(201);
    await until(() => b.shownCourse()?.status === 'signed');

    expect((await api('coordinator', 'POST', '/status', { to: 'in_review' })).status).toBe(400);
    expect((await api('coordinator', 'POST', '/status', { to: 'in_review', reason: 'The list goes back to a paragraph.' })).status).toBe(200);
    await until(() => b.shownCourse()?.status === 'in_review');
  });

  it('C5 from ready the text is read-only for every open editor and every server edit, until the coordinator moves it back to review', async () => {
    const a = await openLetter('approverA');
    const b = await openLetter('approverB');
    const drafter = await openLetter('drafter');
    const access: AccessChange[] = [];
    drafter.provider.messageHandlers[MessageType.access] = (_encoder: unknown, decoder: decoding.Decoder) => {
      access.push(readAccessMessage(decoder));
    };
    for (const [person, view] of [['approverA', a], ['approverB', b]] as const) {
      const items = await approvalItems(person, view, ['p1', 'p2']);
      expect((await api(person, 'POST', '/signoffs', { items })).status).toBe(201);
    }
    const before = drafter.hashOf('p1');
    const revisions = (await (await api('drafter', 'GET', '/paragraphs/p1/history')).json()) as { revisions: { id: string; hash: string }[] };
    const earlier = revisions.revisions.find((revision) => revision.hash !== before)!;

    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    // The drafter's open editor is told at once, with the reason to show.
    await until(() => access.at(-1)?.canEdit === false);
    expect(access.at(-1)!.reason).toBe(AccessReason.letterReady);
    // A restore is a server edit: refused too, and the text stays.
    const restore = await api('drafter', 'POST', '/paragraphs/p1/restore', { revisionId: earlier.id, hash: before });
    expect(restore.status).toBe(409);
    expect((await restore.json()).error.message).toMatch(/ready to sign/);
    // Sign-offs are what made it ready: they are fixed as well.
    const withdraw = await api('approverA', 'POST', '/paragraphs/p1/signoffs', { action: 'withdraw', hash: before });
    expect(withdraw.status).toBe(409);
    expect((await withdraw.json()).error.message).toMatch(/back to review/);
    expect((await grid()).isReady).toBe(true);

    // Back to review: the editor may write again, and its change is taken.
    expect((await api('coordinator', 'POST', '/status', { to: 'in_review' })).status).toBe(200);
    await until(() => access.at(-1)?.canEdit === true);
    drafter.paragraphText('p1').insert(0, 'Now: ');
    await until(async () => (await grid()).paragraphs[0]!.states['aa-interior'] === 'stale');
    drafter.paragraphText('p1').delete(0, 'Now: '.length);
    await until(async () => (await grid()).paragraphs[0]!.states['aa-interior'] === 'approved');

    // An edit sent in ready (a client that missed the news) is refused with 4403 and changes nothing.
    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    await until(() => access.at(-1)?.canEdit === false);
    const closed = new Promise<number>((resolve) => drafter.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    drafter.paragraphText('p1').insert(0, 'Slipped in: ');
    expect(await closed).toBe(4403);
    drafter.provider.disconnect();
    expect((await grid()).isReady).toBe(true);
    expect((await api('coordinator', 'POST', '/status', { to: 'in_review' })).status).toBe(200);
  });

  it('S12 a stale paragraph is approved again only by naming the earlier approved text the approver compared with', async () => {
    const editor = await openLetter('drafter');
    const approver = await openLetter('approverB');
    const [first] = await approvalItems('approverB', approver, ['p2']);
    expect((await api('approverB', 'POST', '/signoffs', { items: [first] })).status).toBe(201);
    const approvedHash = approver.hashOf('p2');
    editor.paragraphText('p2').insert(0, 'Changed again: ');
    await until(() => approver.hashOf('p2') !== approvedHash);
    const current = approver.hashOf('p2');

    const blind = await api('approverB', 'POST', '/signoffs', { items: [{ paragraphId: 'p2', action: 'approve', hash: current }] });
    expect(blind.status).toBe(409);
    expect((await blind.json()).error.code).toBe('stale_not_shown');
    const wrong = await api('approverB', 'POST', '/paragraphs/p2/signoffs', { action: 'approve', hash: current, staleHash: '0'.repeat(64) });
    expect(wrong.status).toBe(409);
    expect((await grid()).paragraphs[1]!.states['bb-interior']).toBe('stale');

    const shown = await api('approverB', 'POST', '/paragraphs/p2/signoffs', { action: 'approve', hash: current, staleHash: approvedHash });
    expect(shown.status).toBe(201);
    expect((await grid()).paragraphs[1]!.states['bb-interior']).toBe('approved');
    editor.paragraphText('p2').delete(0, 'Changed again: '.length);
  });

  // Last: it signs and freezes the letter the other tests share.
  it('S10 the letter becomes ready, is signed by every office and freezes for everyone', async () => {
    const a = await openLetter('approverA');
    const b = await openLetter('approverB');
    const editor = await openLetter('drafter');
    for (const [person, view] of [['approverA', a], ['approverB', b]] as const) {
      const items = await approvalItems(person, view, ['p1', 'p2']);
      expect((await api(person, 'POST', '/signoffs', { items })).status).toBe(201);
    }
    expect((await grid()).isReady).toBe(true);
    expect((await api('coordinator', 'POST', '/status', { to: 'ready' })).status).toBe(200);
    const { letterHash } = await grid();
    expect((await api('approverA', 'POST', '/final-signatures', { letterHash: '1'.repeat(64) })).status).toBe(409);
    expect((await api('approverA', 'POST', '/final-signatures', { letterHash })).status).toBe(201);
    expect((await api('approverB', 'POST', '/final-signatures', { letterHash })).status).toBe(201);
    await until(() => editor.states.some((state) => state.kind === 'course' && state.course.status === 'signed'));
    const closed = new Promise<number>((resolve) => editor.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    editor.paragraphText('p1').insert(0, 'Too late: ');
    expect(await closed).toBe(4403);
    expect((await grid()).paragraphs[0]!.states['aa-interior']).toBe('approved');
  });
});
