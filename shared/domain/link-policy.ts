/** Links in a letter may point to web pages and e-mail addresses only: no script or data URLs. */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
