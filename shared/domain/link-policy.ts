import { findReorderingCharacter } from './text-policy.js';

/**
 * Links in a letter may point to web pages and e-mail addresses only: no script or data URLs, and
 * no direction controls that would show the address in another order than it opens (rule T1).
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  if (findReorderingCharacter(href) !== null) return false;
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
