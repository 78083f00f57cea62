import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { isWellFormedParagraphId } from '../../shared/domain/paragraph-id.js';
import { ParagraphIdError, collectTextBlocks } from '../../shared/domain/yjs-text-blocks.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue, PendingUpdate } from './commit-queue.js';
import { repairAuthor } from './paragraph-id-repair.js';
import { Room } from './room.js';
import { deriveSchemaRules } from './schema-rules.js';

/** Stored text from before ids were checked: a paragraph without an id, one blank, one numeric, and a duplicate. */
function legacyText(): Uint8Array {
  const doc = new Y.Doc();
  const paragraphs = [undefined, 'kept', '', 7, 'kept'].map((id, index) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (id !== undefined) paragraph.setAttribute('id', id as string);
    paragraph.insert(0, [new Y.XmlText(`Paragraph ${index + 1}.`)]);
    return paragraph;
  });
  doc.getXmlFragment(bodyFieldName).insert(0, paragraphs);
  return Y.encodeStateAsUpdate(doc);
}

async function loadRoom(initial: Uint8Array, enqueued: PendingUpdate[]): Promise<Room> {
  const store = {
    text: { loadText: async () => ({ snapshot: initial, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'original' }) },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
  } as unknown as Store;
  return Room.load('0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11', {
    store,
    commits: { enqueue: (entry: PendingUpdate) => enqueued.push(entry) } as unknown as CommitQueue,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty: () => undefined,
    onBroken: () => undefined,
  });
}

describe('INV-10 stored text with paragraphs lacking an id of their own', () => {
  it('INV-10g the shared enumeration refuses to skip them', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, legacyText());
    expect(() => currentParagraphs(doc)).toThrow(ParagraphIdError);
  });

  it('INV-10g is repaired when the room loads: every paragraph gets an id of its own, stored as a change of the server', async () => {
    const stored = legacyText();
    const enqueued: PendingUpdate[] = [];
    const room = await loadRoom(stored, enqueued);
    const ids = collectTextBlocks(room.doc.getXmlFragment(bodyFieldName)).map((block) => block.id);
    expect(ids).toHaveLength(5);
    expect(ids.every(isWellFormedParagraphId)).toBe(true);
    expect(new Set(ids).size).toBe(5);
    expect(ids[1]).toBe('kept');
    expect(currentParagraphs(room.doc).map((paragraph) => paragraph.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Paragraph ${n}.`));

    // The repair is what gets stored: the stored text plus it reads back as the room has it.
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0]).toMatchObject({ connection: null, userId: repairAuthor, newClientIds: [] });
    const reread = new Y.Doc();
    Y.applyUpdate(reread, stored);
    Y.applyUpdate(reread, enqueued[0]!.update);
    expect(reread.getXmlFragment(bodyFieldName).toString()).toBe(room.doc.getXmlFragment(bodyFieldName).toString());
    room.destroy(1001, 'test over');
  });
});
