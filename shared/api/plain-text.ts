import { z } from 'zod';
import { findReorderingCharacter } from '../domain/text-policy.js';

/**
 * The rules of these schemas beyond length, named in each refusal's `params.rule`, so that a form
 * says what to fix in the person's language rather than showing the schema's English words.
 */
export const PlainTextRule = {
  noControlCharacters: 'no_control_characters',
  noDirectionControls: 'no_direction_controls',
} as const;
export type PlainTextRule = (typeof PlainTextRule)[keyof typeof PlainTextRule];

const directionControlIssue = { message: 'must not contain invisible direction controls', params: { rule: PlainTextRule.noDirectionControls } };
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
    .refine(hasNoControlCharacter, { message: 'must not contain control characters', params: { rule: PlainTextRule.noControlCharacters } })
    .refine(hasNoDirectionControl, directionControlIssue);

/**
 * Free text people read beside the letter (a reason for changes, for a move back): line breaks
 * allowed, direction controls not (rule T1), so that a reason reads the same for every office.
 */
export const plainTextSchema = (max: number) => z.string().trim().max(max).refine(hasNoDirectionControl, directionControlIssue);
