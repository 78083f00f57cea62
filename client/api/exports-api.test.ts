import { describe, expect, it } from 'vitest';
import { fileNameOf } from './exports-api.js';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, so diacritics survive', () => {
    const header = `attachment; filename="Yhteiset partiot Itamerella.pdf"; filename*=UTF-8''${encodeURIComponent('Yhteiset partiot Itämerellä.pdf')}`;
    expect(fileNameOf(header, 'pdf')).toBe('Yhteiset partiot Itämerellä.pdf');
  });

  it('falls back to the plain name, then to a generic one', () => {
    expect(fileNameOf('attachment; filename="letter.docx"', 'docx')).toBe('letter.docx');
    expect(fileNameOf(null, 'markdown')).toBe('letter.md');
  });
});
