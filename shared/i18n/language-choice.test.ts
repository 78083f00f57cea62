import { describe, expect, it } from 'vitest';
import { languageChoiceSchema, parseAcceptLanguage, pickLanguage } from './language-choice.js';

const offices = ['en', 'da', 'et', 'lv', 'lt', 'nb', 'pl', 'fi', 'sv'];

describe('language choice', () => {
  it('L4 takes the first preferred language the interface speaks, by its primary subtag', () => {
    expect(pickLanguage(['fi-FI', 'en-US'], offices)).toBe('fi');
    expect(pickLanguage(['de-DE', 'sv-SE', 'fi'], offices)).toBe('sv');
    expect(pickLanguage(['LV'], offices)).toBe('lv');
  });

  it('L4 reads Norwegian "no" and Nynorsk "nn" as Bokmål', () => {
    expect(pickLanguage(['no'], offices)).toBe('nb');
    expect(pickLanguage(['nn-NO'], offices)).toBe('nb');
  });

  it('L4 falls back to English when no preferred language is offered', () => {
    expect(pickLanguage(['de-DE', 'fr'], offices)).toBe('en');
    expect(pickLanguage([], offices)).toBe('en');
    expect(pickLanguage(['fi-FI'], ['en'])).toBe('en');
  });

  it('L4 orders an Accept-Language header by quality, then by position', () => {
    expect(parseAcceptLanguage('en;q=0.5, sv-SE, fi;q=0.9, *;q=0.1, de;q=0')).toEqual(['sv-SE', 'fi', 'en']);
    expect(pickLanguage(parseAcceptLanguage('de;q=1, pl;q=0.8'), offices)).toBe('pl');
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('L5 accepts only a supported language in a choice', () => {
    expect(languageChoiceSchema.safeParse({ language: 'en' }).success).toBe(true);
    expect(languageChoiceSchema.safeParse({ language: 'xx' }).success).toBe(false);
    expect(languageChoiceSchema.safeParse({ language: 'en', more: 1 }).success).toBe(false);
  });
});
