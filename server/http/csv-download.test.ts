import { describe, expect, it } from 'vitest';
import { csvText } from './csv-download.js';

describe('csvText', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvText([['a,b', 'say "yes"', 'two\nlines', 3]])).toBe('"a,b","say ""yes""","two\nlines",3\r\n');
  });

  it('makes every formula prefix inert, tab and carriage return included', () => {
    expect(csvText([['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']])).toBe(`'=1+1,'+1,'-1,'@SUM(A1),'\t=1,"'\r=1"\r\n`);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvText([['Paragraph', 'Text'], [1, 'We accept.']])).toBe('Paragraph,Text\r\n1,We accept.\r\n');
  });
});
