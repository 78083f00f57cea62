import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator.js';

// Sentences that used to be put together from English pieces in the interface: each is now one
// message whose words agree with the count in every language.
describe('whole-sentence messages', () => {
  it('picks the plural form each language has for the count', () => {
    const pl = createTranslator('pl');
    expect(pl.t('signoff.approveParagraphsFor', { count: 1, country: 'Polska' })).toBe('Zatwierdzić 1 akapit w imieniu: Polska?');
    expect(pl.t('signoff.approveParagraphsFor', { count: 3, country: 'Polska' })).toBe('Zatwierdzić 3 akapity w imieniu: Polska?');
    expect(pl.t('signoff.approveParagraphsFor', { count: 5, country: 'Polska' })).toBe('Zatwierdzić 5 akapitów w imieniu: Polska?');
    const lt = createTranslator('lt');
    expect(lt.t('signoff.approveParagraphs', { count: 21 })).toBe('Patvirtinti 21 pastraipą');
    expect(lt.t('signoff.approveParagraphs', { count: 12 })).toBe('Patvirtinti 12 pastraipų');
    const lv = createTranslator('lv');
    expect(lv.t('editor.suggestionsAccepted', { count: 1, number: 4 })).toBe('1 ierosinājums 4. rindkopā tika pieņemts.');
    expect(lv.t('editor.suggestionsAccepted', { count: 10, number: 4 })).toBe('10 ierosinājumi 4. rindkopā tika pieņemti.');
    const en = createTranslator('en');
    expect(en.t('signoff.staleAmongThem', { count: 1 })).toBe('1 of them was approved before and changed since: read what changed.');
    expect(en.t('signoff.staleAmongThem', { count: 2 })).toBe('2 of them were approved before and changed since: read what changed.');
    expect(en.t('signoff.openSuggestions', { count: 1 })).toBe('1 open suggestion');
  });

  it('writes numbers inside a message the way the language does', () => {
    const limit = 12000;
    expect(createTranslator('en').t('import.tooLongAdvice', { count: 2, limit })).toMatch(/^\(over 12,000 characters\).* splitting them into /);
    expect(createTranslator('fi').t('import.longParagraph', { number: 3, characters: 12345, opening: 'Arvoisa' })).toBe(
      `Kappale 3 (${new Intl.NumberFormat('fi').format(12345)} merkkiä): ”Arvoisa”`,
    );
    expect(new Intl.NumberFormat('fi').format(12345)).not.toBe('12,345');
  });
});
