import type { z } from 'zod';
import { PlainTextRule } from '../../shared/api/plain-text.js';
import { t } from './translate.js';

/**
 * What to fix, for a problem a shared schema found in one field, in the interface's language. It
 * stands beside the field it is about, so it does not name the field. The schemas' own messages
 * are English and never reach the screen.
 */
export function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin !== 'string') return t('validation.checkField');
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.atLeastCharacters', { count: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('validation.atMostCharacters', { count: Number(issue.maximum) }) : t('validation.checkField');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.emailAddress') : t('validation.checkField');
    case 'custom':
      if (issue.params?.['rule'] === PlainTextRule.noControlCharacters) return t('validation.noControlCharacters');
      if (issue.params?.['rule'] === PlainTextRule.noDirectionControls) return t('validation.noDirectionControls');
      return t('validation.checkField');
    default:
      return t('validation.checkField');
  }
}
