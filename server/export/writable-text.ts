import { withoutUnwritableCharacters } from '../../shared/domain/text-policy.js';

/**
 * A copy of plain data (a letter snapshot) with every string freed of the characters no exported
 * file may hold (rule T6): a Word file holding one is not XML any more, and Word refuses to open it.
 */
export function withWritableText<T>(value: T): T {
  if (typeof value === 'string') return withoutUnwritableCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withWritableText(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withWritableText(item)])) as T;
  }
  return value;
}
