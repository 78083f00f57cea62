import { afterEach, describe, expect, it } from 'vitest';
import { ImportWarningCode, importWarningSchema } from '../../shared/api/import-warnings.js';
import { supportedLanguages } from '../../shared/i18n/languages.js';
import { translator } from '../i18n/translate.js';
import { importWarningText } from './import-warning-text.js';

describe('importWarningText', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('says what an import changed from the code the preview carries', () => {
    expect(importWarningText({ code: ImportWarningCode.imagesLeftOut })).toBe('Images were left out: a letter holds text only.');
    expect(importWarningText({ code: ImportWarningCode.directionControlsRemoved, count: 8 })).toBe(
      '8 invisible direction control characters were removed (such as U+202E): such characters can make text read in another order on screen than on paper.',
    );
  });

  it('says it in the chosen language, each count with its own plural form', async () => {
    await translator.changeLanguage('fi');
    expect(importWarningText({ code: ImportWarningCode.tablesFlattened })).toBe('Taulukoiden jokaisesta rivistä tehtiin oma kappaleensa.');
    await translator.changeLanguage('pl');
    expect(importWarningText({ code: ImportWarningCode.directionControlsRemoved, count: 3 })).toMatch(/^Usunięto 3 niewidoczne znaki/);
    expect(importWarningText({ code: ImportWarningCode.directionControlsRemoved, count: 5 })).toMatch(/^Usunięto 5 niewidocznych znaków/);
  });

  it('has words for every code in every language, none of them English outside English', async () => {
    for (const language of supportedLanguages.filter((lng) => lng !== 'en')) {
      await translator.changeLanguage(language);
      for (const code of Object.values(ImportWarningCode)) {
        const text = importWarningText(importWarningSchema.parse({ code, count: 2 }));
        await translator.changeLanguage('en');
        expect(text, `${language} ${code}`).not.toBe(importWarningText({ code, count: 2 }));
        await translator.changeLanguage(language);
      }
    }
  });
});
