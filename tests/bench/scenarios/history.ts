import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../../shared/domain/letter-schema.js';
import { paragraphHash } from '../../../shared/domain/paragraph-hash.js';
import { composeServices } from '../../../server/compose.js';
import { type ChangeOrigin, RevisionTracker } from '../../../server/history/revision-tracker.js';
import { createLogger } from '../../../server/logger.js';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { RevisionRecord } from '../../../server/store/store.js';
import type { Timing } from '../measure.js';
import { textSnapshotOf } from '../../../server/store/text-snapshot.js';

export interface HistoryScenarioOptions {
  /** Revisions of the one paragraph whose history is opened. */
  revisions: number;
  /** Paragraphs of the letter typed into. */
  paragraphs: number;
  /** Keystrokes applied to the server document, with and without history tracking. */
  keystrokes: number;
}

export interface HistoryScenarioResult {
  options: HistoryScenarioOptions;
  /** GET …/paragraphs/:id/history through the whole app (session, permission, store, JSON). */
  openHistory: Timing;
  /** Applying one keystroke update to the server's document, without and with revision tracking. */
  applyWithoutHistory: Timing;
  applyWithHistory: Timing;
}

const sentence = 'The ministers agree that a common answer at the external border serves every Member State. ';

/** Opens the history of a paragraph with `revisions` revisions through the real app on a real SQLite file. */
async function measureOpenHistory(revisions: number): Promise<Timing> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-bench-history-'));
  const store = SqliteStore.open(path.join(dataDir, 'jointly.sqlite'));
  try {
    const office = { id: 'bench-office', name: 'Bench office', nameEn: 'Bench office', country: 'X', ministerName: 'M', ministerTitle: 'T', color: '#123456' };
    await store.accounts.insertOffices([office]);
    const userId = randomUUID();
    const now = new Date().toISOString();
    await store.accounts.insertUser({ id: userId, officeId: office.id, name: 'Bench', email: 'bench@example.org', isAdmin: false, passwordHash: null, createdAt: now });
    await store.accounts.insertSession({ id: 'bench-session', userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const letterId = randomUUID();
    const body = prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p0' }, content: [{ type: 'text', text: sentence }] }] }, bodyFieldName);
    await store.letters.createLetter({
      letter: { id: letterId, title: 'Bench', subject: 'Bench', addressees: [], letterDate: null, status: 'drafting', createdBy: userId, createdAt: now, updatedAt: now },
      signatories: [{ position: 0, officeId: office.id, signerName: 'M', capacity: 'T' }],
      memberships: [{ userId, roles: ['coordinator'] }],
      initialText: textSnapshotOf(Y.encodeStateAsUpdate(body)),
    });
    const records: RevisionRecord[] = Array.from({ length: revisions }, (_, i) => {
      const content = { type: 'paragraph', content: [{ type: 'text', text: `${sentence.repeat(3)} Revision ${i}.` }] };
      return {
        id: randomUUID().replaceAll('-', ''), letterId, paragraphId: 'p0', kind: i === 0 ? 'created' : 'edited', userId, officeId: office.id,
        startedAt: now, endedAt: now, content, hash: paragraphHash(content), changes: 12, relatedParagraphId: null, restoredFrom: null,
      };
    });
    await store.history.appendRevisions(records);
    const { app, registry } = composeServices(store, createLogger('silent'), {
      sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000, roomGraceMs: 60_000, compactAfterUpdates: 500, historyPauseMs: 60_000,
      maxBodyBytes: 65_536, allowedOrigins: [], isDemo: false,
    });
    const request = () => app.request(`/api/letters/${letterId}/paragraphs/p0/history`, { headers: { cookie: 'jointly_session=bench-session' } });
    const first = await request();
    if (first.status !== 200) throw new Error(`history answered ${first.status}`);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await (await request()).text();
      samples.push(performance.now() - start);
    }
    await registry.closeAll();
    samples.sort((a, b) => a - b);
    return { medianMs: samples[15]!, p95Ms: samples[28]!, runs: samples.length };
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Keystroke updates made by an editor in a letter of `paragraphs` paragraphs, typed into one after another. */
function keystrokeUpdates(paragraphs: number, keystrokes: number): { initial: Uint8Array; updates: Uint8Array[] } {
  const content = Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', attrs: { id: `p${i}` }, content: [{ type: 'text', text: sentence.repeat(4) }] }));
  const editor = prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content }, bodyFieldName);
  const initial = Y.encodeStateAsUpdate(editor);
  const updates: Uint8Array[] = [];
  editor.on('update', (update: Uint8Array) => updates.push(update));
  const body = editor.getXmlFragment(bodyFieldName);
  for (let i = 0; i < keystrokes; i++) {
    const text = (body.get(Math.floor(i / 40) % paragraphs) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, 'x');
  }
  return { initial, updates };
}

/** Per-update time of applying the keystrokes to a fresh server document, the first run being a warm-up. */
function measureApply(initial: Uint8Array, updates: Uint8Array[], withHistory: boolean, runs = 6): Timing {
  const origin: ChangeOrigin = { author: { userId: 'bench', officeId: 'bench-office' } };
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial);
    const tracker = withHistory ? new RevisionTracker('bench', 60_000, (o) => (o === origin ? origin : null)) : null;
    tracker?.start(doc, []);
    const start = performance.now();
    for (const update of updates) {
      Y.applyUpdate(doc, update, origin);
      tracker?.takeWrites();
    }
    if (run > 0) samples.push((performance.now() - start) / updates.length);
    tracker?.stop();
    doc.destroy();
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, p95Ms: samples.at(-1)!, runs: samples.length };
}

export async function runHistoryScenario(options: HistoryScenarioOptions): Promise<HistoryScenarioResult> {
  const { initial, updates } = keystrokeUpdates(options.paragraphs, options.keystrokes);
  return {
    options,
    openHistory: await measureOpenHistory(options.revisions),
    applyWithoutHistory: measureApply(initial, updates, false),
    applyWithHistory: measureApply(initial, updates, true),
  };
}
