import { z } from 'zod';
import { findReorderingCharacter } from '../domain/text-policy.js';

const directionControlIssue = 'must not contain invisible direction controls';
const hasNoDirectionControl = (value: string) => findReorderingCharacter(value) === null;
const hasNoControlCharacter = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

/**
 * A single line people read beside the letter (a name, a title, a signer): no control characters
 * and no direction controls (rule T1), trimmed, bounded.
 */
export const plainLineSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(hasNoControlCharacter, 'must not contain control characters')
    .refine(hasNoDirectionControl, directionControlIssue);

/**
 * Free text people read beside the letter (a reason for changes, for a move back): line breaks
 * allowed, direction controls not (rule T1), so that a reason reads the same for every office.
 */
export const plainTextSchema = (max: number) => z.string().trim().max(max).refine(hasNoDirectionControl, directionControlIssue);
