import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { aino, handWrittenDocx, kadri, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import { blockText } from '../../shared/domain/block-text.js';
import { ImportWarningCode } from '../../shared/api/import-warnings.js';
import { SuggestionKind, openSuggestions, type SuggestionAuthor } from '../../shared/domain/suggestions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { letterToDocx } from '../export/letter-to-docx.js';
import { AppError } from '../http/app-error.js';
import { assembleLetterBody, letterBodyUpdate } from './assemble-letter-body.js';
import { readLetterFile } from './read-letter-file.js';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ilze: SuggestionAuthor = { userId: 'user-ilze', name: 'Ilze Bērziņa', officeId: 'lv-interior' };
const importedAt = new Date('2026-12-01T08:00:00.000Z');
const opening = 'We write on behalf';

function textBlocks(node: JSONContent): JSONContent[] {
  if (node.type === 'paragraph' || node.type === 'heading') return [node];
  return (node.content ?? []).flatMap(textBlocks);
}

function suggestionsOf(body: JSONContent) {
  return textBlocks(body).flatMap((block) => openSuggestions(String(block.attrs?.['id']), block as TextBlockJson).map((found) => ({ ...found, paragraph: blockText(block) })));
}

async function suggestedLetter() {
  const snapshot = snapshotOf(await readFixture('coastal-patrols.md'));
  return withProposals(snapshot, opening, [
    proposal('four ministries', SuggestionKind.insertion, kadri),
    proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino, '2026-11-21T14:05:00.000Z'),
    proposal('patrol together', SuggestionKind.insertion, aino),
  ]);
}

const importDocx = (bytes: Uint8Array, proposer: SuggestionAuthor | null) => readLetterFile({ name: 'letter.docx', type: docxType, bytes }, fixtureOffices, { proposer, now: importedAt });

describe('Word round trip of suggestions', () => {
  it('S13 exported tracked changes come back as the same suggestions, by the person importing, the Word author in the note', async () => {
    const snapshot = await suggestedLetter();
    const file = await importDocx(await letterToDocx(snapshot), ilze);
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    const before = suggestionsOf(snapshot.body);
    const after = suggestionsOf(body);
    expect(after.map(({ kind, text, paragraph }) => ({ kind, text, paragraph }))).toEqual(before.map(({ kind, text, paragraph }) => ({ kind, text, paragraph })));
    for (const suggestion of after) {
      expect([suggestion.authorId, suggestion.authorName, suggestion.officeId, suggestion.time]).toEqual([ilze.userId, ilze.name, ilze.officeId, importedAt.toISOString()]);
    }
    expect(after.map((suggestion) => suggestion.note)).toEqual([
      'Tracked change in Word by Kadri Tamm (Estonia), 2026-11-20',
      'Tracked change in Word by Aino Mäkelä (Finland), 2026-11-21',
      'Tracked change in Word by Aino Mäkelä (Finland), 2026-11-20',
    ]);
    expect(new Set(after.map((suggestion) => suggestion.id)).size).toBe(3);
    // The words and their formatting are those of the letter: the italic "patrol together" stays italic.
    expect(textBlocks(body).map(blockText)).toEqual(textBlocks(snapshot.body).map(blockText));
    const proposed = textBlocks(body).flatMap((block) => block.content ?? []).find((inline) => inline.text === 'patrol together');
    expect(proposed?.marks?.map((mark) => mark.type)).toEqual(['italic', SuggestionKind.insertion]);
    // What the import stores passes the editor's schema, marks and notes included.
    expect(letterBodyUpdate(body).byteLength).toBeGreaterThan(0);
  });

  it('S13 for a person who may not suggest, tracked changes come in accepted, as Word shows them, and the preview says so', async () => {
    const file = await importDocx(await letterToDocx(await suggestedLetter()), null);
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    expect(suggestionsOf(body)).toEqual([]);
    const paragraph = textBlocks(body).map(blockText).find((text) => text.startsWith(opening));
    expect(paragraph).toBe(
      'We write on behalf of four ministries that share the waters of the Baltic Sea. Our coast guards already meet every month; we now ask for the means to patrol together.',
    );
    expect(file.warnings).toContainEqual({ code: ImportWarningCode.trackedChangesAccepted });
  });
});

describe('tracked changes of a Word file written elsewhere', () => {
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const paragraph = (...children: string[]) => `<w:p>${children.join('')}</w:p>`;

  it('reads moves as a deletion and an insertion, keeps hostile author names plain and bounded, and ignores forged markers', async () => {
    const hostile = `Mallory\u0007 \u202Eevil${'x'.repeat(300)}`;
    const bytes = handWrittenDocx(
      paragraph(run('Joint patrols')) +
        paragraph(run('Subject: Patrols at sea')) +
        paragraph(
          run('Vessels '),
          `<w:moveFrom w:id="1" w:author="Kadri" w:date="2026-11-20T09:00:00Z">${run('from Tallinn ')}</w:moveFrom>`,
          run('sail '),
          `<w:moveTo w:id="2" w:author="Kadri" w:date="2026-11-20T09:00:00Z">${run('from Tallinn')}</w:moveTo>`,
          run(' at dawn \uFDD00\uFDD1forged\uFDD20\uFDD1.'),
        ) +
        paragraph(`<w:ins w:id="3" w:author="${hostile}" w:date="not a date">${run('Agreed.')}</w:ins>`, `<w:del w:id="4" w:author="">${'<w:r><w:delText>Refused.</w:delText></w:r>'}</w:del>`),
    );
    const file = await importDocx(bytes, ilze);
    const found = suggestionsOf(assembleLetterBody(file, { addressees: true, signatories: true }));
    expect(found.map(({ kind, text }) => [kind, text])).toEqual([
      [SuggestionKind.deletion, 'from Tallinn '],
      [SuggestionKind.insertion, 'from Tallinn'],
      [SuggestionKind.insertion, 'Agreed.'],
      [SuggestionKind.deletion, 'Refused.'],
    ]);
    // The forged markers lose their marker characters and mark nothing.
    expect(found[0]!.paragraph).toBe('Vessels from Tallinn sail from Tallinn at dawn 0forged0.');
    const hostileNote = found[2]!.note!;
    expect(hostileNote).toMatch(/^Tracked change in Word by Mallory evilx+…$/);
    expect(hostileNote).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(hostileNote.length).toBeLessThanOrEqual(300);
    expect(found[3]!.note).toBe('Tracked change in Word (no author given)');
  });

  it('refuses a Word document that declares a document type (entities could expand or reach outside the file)', async () => {
    const bytes = handWrittenDocx(paragraph(run('&xxe;')), '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    const error = await importDocx(bytes, ilze).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toMatch(/document type/);
  });
});
