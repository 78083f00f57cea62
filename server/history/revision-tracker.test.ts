import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { RevisionRecord, RevisionWrite } from '../store/store.js';
import { type ChangeOrigin, RevisionTracker } from './revision-tracker.js';

const helena: ChangeOrigin = { author: { userId: 'helena', officeId: 'fi-interior' } };
const mette: ChangeOrigin = { author: { userId: 'mette', officeId: 'dk-immigration' } };

/** A server document with a tracker, and an editor whose changes reach it as updates from someone. */
function setUp(pauseMs = 60_000) {
  let now = Date.parse('2026-11-22T10:00:00Z');
  const server = new Y.Doc();
  const editor = new Y.Doc();
  const tracker = new RevisionTracker('letter', pauseMs, (origin) => (origin as ChangeOrigin | null) ?? null, () => now);
  tracker.start(server, []);
  const writes: RevisionWrite[] = [];
  const as = (origin: ChangeOrigin, change: (body: Y.XmlFragment) => void) => {
    Y.applyUpdate(server, changeOf(editor, change), origin);
    writes.push(...tracker.takeWrites());
  };
  const opened = () => writes.flatMap((write) => (write.op === 'open' ? [write.revision] : []));
  return { tracker, as, writes, opened, later: (ms: number) => (now += ms) };
}

const textOf = (body: Y.XmlFragment, index: number) => (body.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('RevisionTracker', () => {
  it('folds one person’s typing into one revision and opens a new one for someone else', () => {
    const { as, writes, opened } = setUp();
    as(helena, (body) => body.insert(0, [newParagraph('Dear', 'p1')]));
    for (const character of ' colleagues') as(helena, (body) => textOf(body, 0).insert(textOf(body, 0).length, character));
    as(mette, (body) => textOf(body, 0).insert(textOf(body, 0).length, ','));
    expect(opened().map((r) => [r.kind, r.userId])).toEqual([['created', 'helena'], ['edited', 'mette']]);
    const extends_ = writes.filter((write) => write.op === 'extend');
    expect(extends_).toHaveLength(' colleagues'.length);
    expect(extends_.at(-1)).toMatchObject({ changes: 1 + ' colleagues'.length });
  });

  it('opens a new revision after a long pause or a sign-off', () => {
    const { as, opened, later, tracker } = setUp(30_000);
    as(helena, (body) => body.insert(0, [newParagraph('One', 'p1')]));
    later(31_000);
    as(helena, (body) => textOf(body, 0).insert(3, ' two'));
    tracker.seal(['p1']);
    as(helena, (body) => textOf(body, 0).insert(7, ' three'));
    expect(opened().map((r) => r.kind)).toEqual(['created', 'edited', 'edited']);
  });

  it('records a split, a merge and a deletion', () => {
    const { as, opened } = setUp();
    as(helena, (body) => body.insert(0, [newParagraph('First half. Second half.', 'p1')]));
    as(helena, (body) => {
      textOf(body, 0).delete('First half.'.length, ' Second half.'.length);
      body.insert(1, [newParagraph('Second half.', 'p2')]);
    });
    expect(opened().at(-1)).toMatchObject({ kind: 'split', paragraphId: 'p2', relatedParagraphId: 'p1' });
    as(mette, (body) => {
      textOf(body, 0).insert(textOf(body, 0).length, ' Second half.');
      body.delete(1, 1);
    });
    expect(opened().at(-1)).toMatchObject({ kind: 'merged', paragraphId: 'p2', relatedParagraphId: 'p1', userId: 'mette' });
    as(mette, (body) => body.insert(1, [newParagraph('Short-lived.', 'p3')]));
    as(mette, (body) => body.delete(1, 1));
    expect(opened().at(-1)).toMatchObject({ kind: 'deleted', paragraphId: 'p3' });
  });

  it('records paragraphs inside a list that is removed as a whole', () => {
    const { as, opened } = setUp();
    as(helena, (body) => {
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      item.insert(0, [newParagraph('A point', 'li1')]);
      list.insert(0, [item]);
      body.insert(0, [list]);
    });
    expect(opened().map((r) => [r.kind, r.paragraphId])).toEqual([['created', 'li1']]);
    as(mette, (body) => body.delete(0, 1));
    expect(opened().at(-1)).toMatchObject({ kind: 'deleted', paragraphId: 'li1', userId: 'mette' });
  });

  it('on start, records text that has no revision yet, unattributed', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(bodyFieldName).insert(0, [newParagraph('Old text', 'p1'), newParagraph('Known', 'p2')]);
    const known = new RevisionTracker('letter', 1000, () => null);
    const seed = new Y.Doc();
    seed.getXmlFragment(bodyFieldName).insert(0, [newParagraph('Known', 'p2')]);
    const [p2] = new RevisionTracker('letter', 1000, () => null).start(seed, []) as RevisionRecord[];
    const found = known.start(doc, [{ ...p2!, kind: 'created', userId: 'helena' }]);
    expect(found.map((r) => [r.paragraphId, r.kind, r.userId])).toEqual([['p1', 'recorded', null]]);
  });
});
