import { t } from '../i18n/translate.js';
import { isAllowedLinkHref } from '../../shared/domain/link-policy.js';
import { codePointLabel, findReorderingCharacter } from '../../shared/domain/text-policy.js';

/** Why `href` cannot be a link, in words for the person, or null when it can. */
export function describeLinkProblem(href: string): string | null {
  if (href === '') return t('editor.enterTheAddressTheLink');
  if (isAllowedLinkHref(href)) return null;
  const control = findReorderingCharacter(href);
  if (control) return t('editor.theAddressHoldsAnInvisible', { codePointLabel: codePointLabel(control) });
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(href)) {
    return `Start the address with https://, for example https://${href}.`;
  }
  return 'Only web addresses (http:// or https://) and e-mail addresses (mailto:) can be links. Other kinds, such as javascript: or data:, could run code or hide content when a reader opens them.';
}
