/**
 * How large one letter may grow. The server refuses an update that would pass a limit (close
 * code 4413) and the editor refuses such a paste before sending it, so both read the numbers here.
 * The server's settings (LETTER_MAX_BYTES, LETTER_MAX_PARAGRAPHS, PARAGRAPH_MAX_CHARACTERS) may
 * change them; the editor checks against these defaults.
 */
export interface LetterLimits {
  /** Bytes of the letter's encoded Yjs state (text, formatting and the history Yjs keeps). */
  maxLetterBytes: number;
  /** Paragraphs (textblocks: paragraphs, headings, list-item paragraphs) in the body. */
  maxParagraphs: number;
  /** Characters (UTF-16 code units, as the editor counts them) in one paragraph. */
  maxParagraphLength: number;
}

/**
 * Generous for real joint letters: the model case, a four-page letter of eight ministries, is
 * about 40 paragraphs and 25 KB of text. 2,000 paragraphs is a hundred-page document; 20,000
 * characters is some eight pages of one unbroken paragraph; 2 MiB of encoded state leaves room
 * for the tombstones months of rewriting leave behind. Beyond these, a letter is an attack or a
 * mistake (a pasted data dump), and every reader, export and sign-off pays for its size.
 */
export const defaultLetterLimits: LetterLimits = {
  maxLetterBytes: 2 * 1024 * 1024,
  maxParagraphs: 2_000,
  maxParagraphLength: 20_000,
};
