import { stripReorderingCharacters, withoutInvisibleCharacters, withoutUnwritableCharacters } from '../../shared/domain/text-policy.js';

const controlPattern = /\p{Cc}/gu;

/**
 * Text from an untrusted request as the audit trail keeps it: without direction controls (rule T1),
 * invisible characters (T2) and control characters (tabs and line breaks included: one line), and
 * at most `maxLength` characters, never cutting a character in two. The trail is read on screens,
 * in CSV files and by the verifier; what a person typed must not reorder or break any of them.
 */
export function auditableText(text: string, maxLength: number): string {
  const cleaned = withoutUnwritableCharacters(withoutInvisibleCharacters(stripReorderingCharacters(text).text)).replace(controlPattern, '');
  return [...cleaned].slice(0, maxLength).join('');
}
