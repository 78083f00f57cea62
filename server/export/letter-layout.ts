import type { JSONContent } from '@tiptap/core';
import { sourceLanguage, type Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { isFrozen } from '../../shared/domain/letter-course.js';
import { exportLanguage, formatLetterDate, formatRecordedAt } from './export-dates.js';
import type { LetterSnapshot } from './letter-snapshot.js';

/**
 * Words the exported letter prints, in one place so the three formats say the same, in the
 * letter's language; they come from the shared catalogues (shared/i18n), like the screens' words.
 */
export function exportLabelsIn(language: string | undefined) {
  const labels = createTranslator(exportLanguage(language));
  return {
    addressees: labels.t('exportFile.addressees'),
    subject: labels.t('exportFile.subject'),
    date: labels.t('exportFile.date'),
    signatureRecord: labels.t('exportFile.signatureRecord'),
    signatureRecordIntro: labels.t('exportFile.signatureRecordIntro'),
    letterHash: labels.t('exportFile.letterHash'),
    signedBy: labels.t('exportFile.signedBy'),
    boundToOtherText: labels.t('exportFile.boundToOtherText'),
  };
}
export type ExportLabels = ReturnType<typeof exportLabelsIn>;

/** The English labels. */
export const exportLabels: ExportLabels = exportLabelsIn(sourceLanguage);

export interface LetterheadEntry {
  name: string;
  /** The English name, when it differs from the office's own. */
  nameEn: string | null;
  /** `#rrggbb` */
  color: string;
}

export interface SignatureBlock {
  signerName: string;
  capacity: string;
  officeName: string;
  officeNameEn: string | null;
}

export interface SignatureRecordRow {
  officeName: string;
  by: string;
  at: string;
  /** The hash this office signed, when it is not the hash of the exported text. */
  otherHash: string | null;
}

/** What an exported letter shows, top to bottom, derived once from a snapshot for every format. */
export interface LetterLayout {
  /** The language the letter is written in, which its fixed words and dates follow. */
  language: Language;
  /** The fixed words, in the letter's language. */
  labels: ExportLabels;
  letterhead: LetterheadEntry[];
  addressees: string[];
  date: string | null;
  title: string;
  subject: string;
  /** Which saved version this is, if not the current text. */
  versionNote: string | null;
  body: JSONContent[];
  signatureBlocks: SignatureBlock[];
  /** For a signed letter: each office's final signature, and the hash of the exported text. */
  signatureRecord: { rows: SignatureRecordRow[]; letterHash: string } | null;
}

export function letterLayout(snapshot: LetterSnapshot): LetterLayout {
  const isSigned = isFrozen(snapshot.status);
  const officeName = new Map(snapshot.signatories.map((signatory) => [signatory.office.id, signatory.office.name]));
  // Signing order, as in the signature blocks; an office no longer a signatory still shows its signature.
  const position = (officeId: string) => snapshot.signatories.findIndex((signatory) => signatory.office.id === officeId);
  const signatures = [...snapshot.finalSignatures].sort((a, b) => position(a.officeId) - position(b.officeId));
  const language = exportLanguage(snapshot.language);
  return {
    language,
    labels: exportLabelsIn(language),
    letterhead: snapshot.signatories.map(({ office }) => ({ name: office.name, nameEn: englishName(office), color: office.color })),
    addressees: snapshot.addressees,
    date: snapshot.letterDate ? formatLetterDate(snapshot.letterDate, language) : null,
    title: snapshot.title,
    subject: snapshot.subject,
    versionNote: snapshot.version ? createTranslator(language).t('exportFile.savedVersion', { name: snapshot.version.name }) : null,
    body: snapshot.body.content ?? [],
    signatureBlocks: snapshot.signatories.map(({ office, signerName, capacity }) => ({
      signerName,
      capacity,
      officeName: office.name,
      officeNameEn: englishName(office),
    })),
    signatureRecord:
      isSigned && signatures.length > 0
        ? {
            rows: signatures.map((signature) => ({
              officeName: officeName.get(signature.officeId) ?? signature.officeId,
              by: signature.by,
              at: formatRecordedAt(signature.at, language),
              otherHash: signature.letterHash === snapshot.letterHash ? null : signature.letterHash,
            })),
            letterHash: snapshot.letterHash,
          }
        : null,
  };
}

function englishName(office: { name: string; nameEn: string }): string | null {
  return office.nameEn && office.nameEn !== office.name ? office.nameEn : null;
}

/** "Sisäministeriö · Ministry of the Interior": an office on one line. */
export function officeLine(name: string, nameEn: string | null): string {
  return nameEn ? `${name} · ${nameEn}` : name;
}
