import { afterEach, describe, expect, it } from 'vitest';
import type { ComparisonEntry, ParagraphChange } from '../../shared/api/versions.js';
import { translator } from '../i18n/translate.js';
import { summarizeComparison } from './paragraph-change-labels.js';

const entry = (change: ParagraphChange): ComparisonEntry => ({ paragraphId: change, change, before: null, after: null });

describe('summarizeComparison', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('V1 counts each kind of change in words', () => {
    expect(summarizeComparison([entry('changed'), entry('changed'), entry('added'), entry('moved_and_changed'), entry('unchanged')])).toBe(
      '1 paragraph added, 2 paragraphs changed and 1 paragraph moved and changed; 1 unchanged.',
    );
  });

  it('says when nothing differs', () => {
    expect(summarizeComparison([entry('unchanged')])).toBe('No differences: every paragraph is the same.');
    expect(summarizeComparison([])).toBe('Both are empty.');
  });

  it('V1 reads as a sentence of the chosen language, each count with its own plural form', async () => {
    const fiveChanged = Array.from({ length: 5 }, () => entry('changed'));
    await translator.changeLanguage('pl');
    expect(summarizeComparison([...fiveChanged, entry('added'), entry('added'), entry('unchanged')])).toBe(
      '2 akapity dodane i 5 akapitów zmienionych; bez zmian: 1.',
    );
    await translator.changeLanguage('fi');
    expect(summarizeComparison([entry('deleted'), entry('moved'), entry('moved'), entry('unchanged')])).toBe(
      '1 kappale poistettu ja 2 kappaletta siirretty; 1 ennallaan.',
    );
  });
});
