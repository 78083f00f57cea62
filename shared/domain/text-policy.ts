/**
 * What letter text may hold, and how invisible characters are shown (rules T1–T4 in
 * SIGNOFF-RULES.md). The server, the import, the editor and the sign-off screens all ask here.
 */

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. They change the order in which text is
 * displayed without being seen, so a browser and a PDF can show one text in two orders (T1).
 */
const reorderingPattern = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** Names of the invisible characters people meet most; any other is named by its code point only (T2). */
export const invisibleCharacterNames: Readonly<Record<string, string>> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
  '\u00AD': 'soft hyphen',
  '\u034F': 'combining grapheme joiner',
  '\u180E': 'Mongolian vowel separator',
  '\u2061': 'invisible function application',
  '\u2062': 'invisible times',
  '\u2063': 'invisible separator',
  '\u2064': 'invisible plus',
  '\u3164': 'Hangul filler',
};
/**
 * Characters that draw nothing: every default-ignorable code point (zero-width characters, soft
 * hyphens, invisible operators, variation selectors, tag characters, fillers) and the interlinear
 * annotation controls U+FFF9–U+FFFB. They change the hash and the exports but not the screen, so
 * they are shown as marks (T2). The direction controls among them are refused before (T1).
 */
const invisibleClass = '[\\p{Default_Ignorable_Code_Point}\\uFFF9-\\uFFFB]';
const invisiblePattern = new RegExp(invisibleClass, 'u');

/** "U+202E": how a character is named to people. */
export function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first bidirectional formatting character in `text`, or null when there is none. */
export function findReorderingCharacter(text: string): string | null {
  return text.match(new RegExp(reorderingPattern.source, 'u'))?.[0] ?? null;
}

/** Every bidirectional formatting character in `text`, with where it is. */
export function locateReorderingCharacters(text: string): { index: number; character: string }[] {
  return [...text.matchAll(reorderingPattern)].map((match) => ({ index: match.index, character: match[0] }));
}

/** `text` without bidirectional formatting characters, and how many were taken out. */
export function stripReorderingCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const stripped = text.replace(reorderingPattern, () => {
    removed += 1;
    return '';
  });
  return { text: stripped, removed };
}

/** A piece of text as the sign-off screens show it: visible text, or one invisible character. */
export type RevealedPiece = { text: string } | { invisible: string; name: string; label: string };

/** Splits `text` so that every invisible character (T2) stands alone, to be drawn as a mark. */
export function revealInvisibleCharacters(text: string): RevealedPiece[] {
  const pieces: RevealedPiece[] = [];
  let plain = '';
  for (const character of text) {
    if (!invisiblePattern.test(character)) {
      plain += character;
      continue;
    }
    if (plain) pieces.push({ text: plain });
    plain = '';
    pieces.push({ invisible: character, name: invisibleCharacterNames[character] ?? 'invisible character', label: codePointLabel(character) });
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}

/** `text` without the characters of T2: what a browser draws for it inside a line (T4). */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(new RegExp(invisiblePattern.source, 'gu'), '');
}

/** Whether `text` holds a character that is shown as a mark (T2). */
export function hasInvisibleCharacters(text: string): boolean {
  return invisiblePattern.test(text);
}

const scripts = [
  { name: 'Latin', pattern: /\p{Script=Latin}/u },
  { name: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u },
  { name: 'Greek', pattern: /\p{Script=Greek}/u },
] as const;

/** A word that mixes Latin letters with Cyrillic or Greek ones, where it starts, and the scripts it mixes. */
export interface MixedScriptWord {
  word: string;
  index: number;
  scripts: string[];
}

/**
 * Every occurrence of a word that mixes Latin with Cyrillic or Greek letters (T3): "аccept" with a Cyrillic "а" looks like
 * "accept" but is another word. A word here is a run of letters, marks and invisible joiners.
 */
export function findMixedScriptWords(text: string): MixedScriptWord[] {
  const found: MixedScriptWord[] = [];
  for (const match of text.matchAll(new RegExp(`(?:[\\p{L}\\p{M}]|${invisibleClass})+`, 'gu'))) {
    const present = scripts.filter((script) => script.pattern.test(match[0])).map((script) => script.name);
    if (present.includes('Latin') && present.length > 1) found.push({ word: match[0], index: match.index, scripts: present });
  }
  return found;
}

/**
 * Characters no exported file may hold (T6): the control characters other than tab, line feed and
 * carriage return, the noncharacters U+FFFE and U+FFFF, and halves of surrogate pairs standing
 * alone. XML 1.0 forbids them, so a Word file holding one is broken; Markdown readers drop or
 * refuse them too. They draw nothing on screen.
 */
const unwritablePattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters no exported file may hold (T6). */
export function withoutUnwritableCharacters(text: string): string {
  return text.replace(unwritablePattern, '');
}
