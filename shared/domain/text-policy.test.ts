import { describe, expect, it } from 'vitest';
import { findMixedScriptWords, findReorderingCharacter, locateReorderingCharacters, hasInvisibleCharacters, revealInvisibleCharacters, stripReorderingCharacters, withoutInvisibleCharacters, withoutUnwritableCharacters } from './text-policy.js';

describe('text policy', () => {
  it('T1 finds every bidirectional override, embedding, isolate and mark', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      const character = String.fromCodePoint(code);
      expect(findReorderingCharacter(`accept ${character}EUR 10,000`)).toBe(character);
    }
    expect(findReorderingCharacter('Ålesund, Łódź, Αθήνα, Київ: EUR 10,000')).toBeNull();
  });

  it('T1 locates each of them', () => {
    expect(locateReorderingCharacters('a\u202Eb\u2069')).toEqual([
      { index: 1, character: '\u202E' },
      { index: 3, character: '\u2069' },
    ]);
  });

  it('T1 strips them on import and counts them, leaving every other character in place', () => {
    expect(stripReorderingCharacters('we \u202Eaccept\u202C EUR\u2066 10,000\u2069')).toEqual({ text: 'we accept EUR 10,000', removed: 4 });
    expect(stripReorderingCharacters('zero\u200Bwidth stays')).toEqual({ text: 'zero\u200Bwidth stays', removed: 0 });
  });

  it('T2 reveals zero-width characters and soft hyphens as separate marks, in order', () => {
    expect(revealInvisibleCharacters('pay\u200Bment in\u00ADvoice')).toEqual([
      { text: 'pay' },
      { invisible: '\u200B', name: 'zero-width space', label: 'U+200B' },
      { text: 'ment in' },
      { invisible: '\u00AD', name: 'soft hyphen', label: 'U+00AD' },
      { text: 'voice' },
    ]);
    expect(revealInvisibleCharacters('plain')).toEqual([{ text: 'plain' }]);
    expect(withoutInvisibleCharacters('pay\u200Bment in\u00ADvoice, Zo\u200C\u200D\u00EB\u2060x\uFEFFy')).toBe('payment invoice, Zo\u00EBxy');
    for (const character of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']) expect(hasInvisibleCharacters(`a${character}b`)).toBe(true);
    expect(hasInvisibleCharacters('a b')).toBe(false);
  });

  it('T2 reveals every other character that draws nothing: invisible operators, fillers, variation selectors, tag characters, annotations', () => {
    const hidden = [
      ['\u2062', 'invisible times'],
      ['\u2064', 'invisible plus'],
      ['\u180E', 'Mongolian vowel separator'],
      ['\u034F', 'combining grapheme joiner'],
      ['\u3164', 'Hangul filler'],
      ['\uFE0F', 'invisible character'],
      ['\u{E0041}', 'invisible character'],
      ['\uFFF9', 'invisible character'],
    ] as const;
    for (const [character, name] of hidden) {
      expect(revealInvisibleCharacters(`EUR 10${character}000`)).toEqual([
        { text: 'EUR 10' },
        { invisible: character, name, label: `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` },
        { text: '000' },
      ]);
      expect(hasInvisibleCharacters(`a${character}b`)).toBe(true);
      // The PDF draws nothing for it, as the browser does, rather than a missing-glyph box (T4).
      expect(withoutInvisibleCharacters(`a${character}b`)).toBe('ab');
    }
    // Tag characters spell hidden words: each one is a mark of its own.
    expect(revealInvisibleCharacters('ok\u{E0070}\u{E0061}\u{E0079}').filter((piece) => 'invisible' in piece)).toHaveLength(3);
    expect(hasInvisibleCharacters('Ålesund\u00A0Łódź – EUR 10\u202F000')).toBe(false);
  });

  it('T3 flags a word that mixes Latin with Cyrillic or Greek letters, and only such words', () => {
    expect(findMixedScriptWords('We \u0430ccept the terms')).toEqual([{ word: '\u0430ccept', index: 3, scripts: ['Latin', 'Cyrillic'] }]);
    expect(findMixedScriptWords('EUR 1\u039F,000 and Ale\u03BFs')).toEqual([{ word: 'Ale\u03BFs', index: 15, scripts: ['Latin', 'Greek'] }]);
    expect(findMixedScriptWords('Київ and Αθήνα and Łódź and Sisäministeriö')).toEqual([]);
  });

  it('T6 takes out what no exported file may hold, and nothing else: tab, line breaks and whole surrogate pairs stay', () => {
    expect(withoutUnwritableCharacters('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i')).toBe('abcdefghi');
    expect(withoutUnwritableCharacters('tab\there\nline\r\n😀 \u200B \u00AD Ω')).toBe('tab\there\nline\r\n😀 \u200B \u00AD Ω');
  });
});
