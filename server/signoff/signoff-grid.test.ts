import { describe, expect, it } from 'vitest';
import type { Signatory } from '../../shared/api/letters.js';
import type { SignoffEntry } from '../../shared/api/signoffs.js';
import type { CurrentParagraph } from '../../shared/domain/current-paragraphs.js';
import { csvText } from '../http/csv-download.js';
import { buildSignoffGrid, signoffGridRows } from './signoff-grid.js';

const interior = (id: string, country: string, position: number): Signatory => ({
  position,
  office: { id, name: id, nameEn: 'Ministry of the Interior', country, ministerName: 'M', ministerTitle: 'Minister', color: '#123456' },
  signerName: 'M',
  capacity: 'Minister',
});

const long = `We call on the Commission ${'to act without delay '.repeat(10)}and to report back.`;
const paragraphs: CurrentParagraph[] = [{ id: 'p1', number: 1, hash: 'a'.repeat(64), text: long, blockType: 'paragraph' } as CurrentParagraph];
const act = (officeId: string, action: SignoffEntry['action'], reason: string | null): SignoffEntry => ({
  paragraphId: 'p1',
  officeId,
  action,
  hash: 'a'.repeat(64),
  reason,
  by: 'someone',
  at: '2026-12-06T10:00:00.000Z',
});

describe('the sign-off overview as a spreadsheet', () => {
  const grid = buildSignoffGrid(
    paragraphs,
    { type: 'doc', content: [] },
    [interior('fi-interior', 'Finland', 0), interior('ee-interior', 'Estonia', 1)],
    [act('fi-interior', 'approve', null), act('ee-interior', 'request_changes', 'Name the agencies.')],
  );

  it('heads each office column with country and office, so four ministries of the interior stay apart', () => {
    expect(signoffGridRows(grid)[0]).toEqual(['Paragraph', 'Text', 'Finland – Ministry of the Interior', 'Estonia – Ministry of the Interior', 'Open reservations']);
  });

  it('holds each paragraph’s whole text and its states in words, with the reason of a request for changes', () => {
    expect(signoffGridRows(grid)[1]).toEqual([1, long, 'Approved', 'Changes requested: Name the agencies.', '']);
    expect(csvText(signoffGridRows(grid))).toContain('and to report back.');
    expect(grid.paragraphs[0]!.reasons).toEqual({ 'ee-interior': 'Name the agencies.' });
  });
});
