import type { z } from 'zod';
import type { ValidationIssue } from '../../shared/api/errors.js';
import { PlainTextRule } from '../../shared/api/plain-text.js';
import { validationIssueOf } from '../../shared/api/validation-issue.js';
import { t } from './translate.js';

/**
 * What to fix, for a problem a shared schema found in one field (here or on the server), in the
 * interface's language. It stands beside the field, or after the form's message, so it does not
 * name the field. The schemas' own messages are English and never reach the screen this way.
 */
export function describeValidationIssue(issue: ValidationIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (!issue.isText || issue.minimum === undefined) return t('validation.checkField');
      return issue.minimum <= 1 ? t('validation.required') : t('validation.atLeastCharacters', { count: issue.minimum });
    case 'too_big':
      return issue.isText && issue.maximum !== undefined ? t('validation.atMostCharacters', { count: issue.maximum }) : t('validation.checkField');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.emailAddress') : t('validation.checkField');
    case 'custom':
      if (issue.rule === PlainTextRule.noControlCharacters) return t('validation.noControlCharacters');
      if (issue.rule === PlainTextRule.noDirectionControls) return t('validation.noDirectionControls');
      return t('validation.checkField');
    default:
      return t('validation.checkField');
  }
}

/** The same for a problem a form found itself with a shared schema. */
export function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  return describeValidationIssue(validationIssueOf(issue));
}
