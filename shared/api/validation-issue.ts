import type { z } from 'zod';
import type { ValidationIssue } from './errors.js';

/**
 * The parts of a schema's refusal that say what to fix, never the refused value: the server sends
 * them with `validation_failed`, and forms that check with the same schemas read them alike.
 */
export function validationIssueOf(issue: z.core.$ZodIssue): ValidationIssue {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'too_small':
      return { field, code: issue.code, minimum: Number(issue.minimum), isText: issue.origin === 'string' };
    case 'too_big':
      return { field, code: issue.code, maximum: Number(issue.maximum), isText: issue.origin === 'string' };
    case 'invalid_format':
      return { field, code: issue.code, format: issue.format };
    case 'custom': {
      const rule = issue.params?.['rule'];
      return typeof rule === 'string' ? { field, code: issue.code, rule } : { field, code: issue.code };
    }
    default:
      return { field, code: issue.code };
  }
}
