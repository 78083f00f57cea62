import { createTranslator } from '../../shared/i18n/translator.js';
import { supportedLanguages } from '../../shared/i18n/languages.js';

/** One fixed export label as written in every supported language, from the shared catalogues. */
function labelsInEveryLanguage(key: string): string[] {
  const texts = supportedLanguages.map((language) => createTranslator(language).t(key).replace(/\s*:\s*$/, '').trim());
  return Array.from(new Set(texts.filter(Boolean)));
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (labels: readonly string[]) => labels.map(escapeRegExp).join('|');

/**
 * The words an export prints before its fixed parts, in any of the letter languages, so that an
 * export reads back as the letter whatever language it was written in. English keeps the other
 * words people type in their own files ("Addressees:", "Re:").
 */
export const exportLabelPatterns = {
  /** "To:" and the addressees after it on the same line, if any. */
  addressees: new RegExp(`^(?:addressees?|recipients?|${alternatives(labelsInEveryLanguage('exportFile.addressees'))})\\s*:\\s*(.*)$`, 'isu'),
  /** "Subject:" and the subject. */
  subject: new RegExp(`^(?:re|${alternatives(labelsInEveryLanguage('exportFile.subject'))})\\s*:\\s*(.+)$`, 'iu'),
  /** "Date:" and the letter's date as the export wrote it. */
  date: new RegExp(`^(?:${alternatives(labelsInEveryLanguage('exportFile.date'))})\\s*:\\s*(.+)$`, 'iu'),
  /** The heading of the record of final signatures. */
  signatureRecord: new RegExp(`^(?:${alternatives(labelsInEveryLanguage('exportFile.signatureRecord'))})$`, 'iu'),
};
