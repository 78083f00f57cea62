import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { fixtureBytes } from '../../tests/fixtures/interchange/import-fixture.js';
import { zipArchive } from '../../tests/fixtures/interchange/zip-archive.js';
import { AppError } from '../http/app-error.js';
import { readLetterFile } from './read-letter-file.js';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function refusal(name: string, type: string, bytes: Uint8Array): Promise<AppError> {
  const error = await readLetterFile({ name, type, bytes }, fixtureOffices).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function wordDocument(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Tere')] }] })));
}

/** A ZIP archive with one small file: valid, but not a Word document. */
const plainZip = zipArchive({ 'note.txt': new TextEncoder().encode('hi') });

describe('files that are not what they claim', () => {
  it('refuses a Word document named .md, naming what it really is', async () => {
    const error = await refusal('letter.md', 'text/markdown', await wordDocument());
    expect([error.status, error.code]).toEqual([415, 'unsupported_file']);
    expect(error.message).toMatch(/named \.md but is a ZIP archive/);
  });

  it('refuses Markdown text named .docx', async () => {
    const error = await refusal('letter.docx', docxType, fixtureBytes('coastal-patrols.md'));
    expect([error.status, error.code]).toEqual([415, 'unsupported_file']);
    expect(error.message).toMatch(/named \.docx but is not a Word document/);
  });

  it('refuses a ZIP archive named .docx that holds no Word document', async () => {
    const error = await refusal('letter.docx', docxType, plainZip);
    expect([error.status, error.code]).toEqual([415, 'unsupported_file']);
    expect(error.message).toMatch(/ZIP archive but not a Word document/);
  });

  it('explains that an old .doc file must be saved as .docx', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal('letter.docx', docxType, ole)).message).toMatch(/old Word \(\.doc\) file/);
    expect((await refusal('letter.doc', 'application/msword', ole)).message).toMatch(/imports Markdown \(\.md\) and Word \(\.docx\)/);
  });

  it('refuses a file whose declared type contradicts its name', async () => {
    const error = await refusal('letter.md', 'application/pdf', fixtureBytes('coastal-patrols.md'));
    expect([error.status, error.code]).toEqual([415, 'unsupported_file']);
    expect((await refusal('scan.md', 'text/markdown', new TextEncoder().encode('%PDF-1.7\n'))).message).toMatch(/is a PDF/);
  });

  it('refuses Markdown that is not UTF-8 text or holds binary data', async () => {
    expect((await refusal('latin.md', 'text/markdown', Uint8Array.from([0x53, 0xe4, 0x68, 0x6b, 0xf6]))).message).toMatch(/not UTF-8/);
    expect((await refusal('data.md', 'text/markdown', Uint8Array.from([0x41, 0x00, 0x42]))).message).toMatch(/binary data/);
  });
});

describe('broken files', () => {
  it('answers a truncated Word document with broken_file', async () => {
    const whole = await wordDocument();
    const error = await refusal('letter.docx', docxType, whole.slice(0, Math.floor(whole.length / 2)));
    expect([error.status, error.code]).toEqual([422, 'broken_file']);
  });

  it('refuses a Word document that would unpack to far more than a letter, without unpacking it', async () => {
    const bomb = zipArchive({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'word/document.xml': new Uint8Array(65 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const error = await refusal('letter.docx', docxType, bomb);
    expect([error.status, error.code]).toEqual([413, 'payload_too_large']);
    expect(error.message).toMatch(/unpacks to far more than a letter/);
  });

  it('refuses a Word document that lies about its unpacked sizes, counting what inflating really produces', async () => {
    const liar = zipArchive(
      {
        '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
        'word/document.xml': new Uint8Array(80 * 1024 * 1024),
      },
      { 'word/document.xml': 1024 },
    );
    expect(liar.byteLength).toBeLessThan(200 * 1024);
    const error = await refusal('letter.docx', docxType, liar);
    expect([error.status, error.code]).toEqual([413, 'payload_too_large']);
    expect(error.message).toMatch(/unpacks to far more than a letter/);
  });

  it('answers an empty file with broken_file', async () => {
    const error = await refusal('letter.md', 'text/markdown', new Uint8Array());
    expect([error.status, error.code]).toEqual([422, 'broken_file']);
  });
});
