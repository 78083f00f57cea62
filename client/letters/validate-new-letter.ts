import { t } from '../i18n/translate.js';
import type { z } from 'zod';
import { type CreateLetterRequest, createLetterRequestSchema } from '../../shared/api/letters.js';

/** What the person typed into the new-letter form, before any cleaning up. */
export interface NewLetterInput {
  title: string;
  subject: string;
  /** One addressee per line. */
  addressees: string;
  /** `YYYY-MM-DD` from a date field; empty for none. */
  letterDate?: string;
  signatoryOfficeIds: string[];
}

export type NewLetterField = keyof NewLetterInput;

export type NewLetterValidation =
  | { ok: true; request: CreateLetterRequest }
  | { ok: false; errors: Partial<Record<NewLetterField, string>> };

/** Each field as it is named inside a sentence ("Enter the subject."), in the interface's language. */
const fieldNames: Record<NewLetterField, string> = {
  get title() { return t('letters.titleInSentence'); },
  get subject() { return t('letters.subjectInSentence'); },
  get addressees() { return t('letters.addresseeInSentence'); },
  get letterDate() { return t('letters.dateInSentence'); },
  get signatoryOfficeIds() { return t('letters.signatoryOffice'); },
};

/**
 * Checks the form with the same schema the server uses, and says in plain words what to fix.
 * Blank addressee lines are ignored. A letter needs at least one signatory office.
 */
export function validateNewLetter(input: NewLetterInput): NewLetterValidation {
  const request = {
    title: input.title,
    subject: input.subject,
    addressees: input.addressees
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    letterDate: input.letterDate ? input.letterDate : null,
    signatoryOfficeIds: input.signatoryOfficeIds,
  };
  const errors: Partial<Record<NewLetterField, string>> = {};
  const parsed = createLetterRequestSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (!isField(field) || errors[field]) continue;
      errors[field] = describeIssue(field, issue, typeof issue.path[1] === 'number' ? issue.path[1] : undefined);
    }
  }
  if (request.signatoryOfficeIds.length === 0 && !errors.signatoryOfficeIds) {
    errors.signatoryOfficeIds = t('letters.chooseAtLeastOneSignatory');
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

function isField(key: PropertyKey | undefined): key is NewLetterField {
  return typeof key === 'string' && key in fieldNames;
}

function describeIssue(field: NewLetterField, issue: z.core.$ZodIssue, index: number | undefined): string {
  const where = field === 'addressees' && index !== undefined ? ` ${t('letters.line', { value: index + 1 })}` : '';
  if (field === 'letterDate') return t('letters.enterADateThatExists');
  switch (issue.code) {
    case 'too_small':
      return field === 'title' ? t('letters.enterATitle') : t('letters.enterA', { value: fieldNames[field], where: where });
    case 'too_big':
      return index === undefined && field === 'addressees'
        ? t('letters.aLetterCanHaveAt2', { string: String(issue.maximum) })
        : t('letters.shortenTheToCharactersOr2', { value: fieldNames[field], where: where, string: String(issue.maximum) });
    case 'custom':
      return t('letters.removeTheControlCharactersSuch2', { value: fieldNames[field], where: where });
    default:
      return t('letters.checkThe2', { value: fieldNames[field], where: where });
  }
}
