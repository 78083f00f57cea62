import { isAllowedLinkHref } from '../../shared/domain/link-policy.js';
import { codePointLabel, findReorderingCharacter } from '../../shared/domain/text-policy.js';

/** Why `href` cannot be a link, in words for the person, or null when it can. */
export function describeLinkProblem(href: string): string | null {
  if (href === '') return 'Enter the address the link should open.';
  if (isAllowedLinkHref(href)) return null;
  const control = findReorderingCharacter(href);
  if (control) return `The address holds an invisible direction control (${codePointLabel(control)}) that would show it in another order than it opens. Type the address again.`;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(href)) {
    return `Start the address with https://, for example https://${href}.`;
  }
  return 'Only web addresses (http:// or https://) and e-mail addresses (mailto:) can be links. Other kinds, such as javascript: or data:, could run code or hide content when a reader opens them.';
}
