import { describe, expect, it } from 'vitest';
import type { SignoffEntry } from '../../shared/api/signoffs.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { tallyParagraph } from '../../shared/domain/signoff-state.js';
import { applyLetterStateMessage, emptyLetterState } from '../sync/letter-state.js';
import { describeTally, listParagraphs, paragraphMarker, paragraphStates } from './paragraph-signoff.js';

const schema = letterSchema();
const paragraph = (id: string, text: string) => schema.node('paragraph', { id }, [schema.text(text)]);

describe('listParagraphs', () => {
  it('numbers the textblocks with an id and hashes each as the server does', () => {
    const doc = schema.node('doc', null, [paragraph('p1', 'First'), paragraph('p2', 'Second')]);
    const paragraphs = listParagraphs(doc);
    expect(paragraphs.map(({ id, number, text }) => ({ id, number, text }))).toEqual([
      { id: 'p1', number: 1, text: 'First' },
      { id: 'p2', number: 2, text: 'Second' },
    ]);
    expect(paragraphs[0]?.hash).toBe(paragraphHash(doc.child(0).toJSON()));
  });
});

describe('paragraphStates', () => {
  const approvedFirst = paragraphHash(paragraph('p1', 'First').toJSON());
  const approval: SignoffEntry = { paragraphId: 'p1', officeId: 'fi', action: 'approve', hash: approvedFirst, reason: null, by: 'Aino', at: '' };
  const state = applyLetterStateMessage(emptyLetterState, { kind: 'signoffs', seq: 2, signoffs: [approval] });

  it('S2 S3 turns an approval stale as soon as the text differs', () => {
    const edited = paragraphHash(paragraph('p1', 'First, edited').toJSON());
    expect(paragraphStates(state, ['fi', 'ee'], 'p1', approvedFirst)).toEqual(['approved', 'pending']);
    const tally = tallyParagraph(paragraphStates(state, ['fi', 'ee'], 'p1', edited));
    expect(describeTally(tally)).toBe('0 of 2 offices');
    expect(paragraphMarker(tally)?.label).toBe('Stale');
  });

  it('S4 makes the approval current again when the text returns', () => {
    expect(paragraphStates(state, ['fi'], 'p1', approvedFirst)).toEqual(['approved']);
    expect(paragraphMarker(tallyParagraph(['approved']))?.label).toBe('Approved');
  });
});
