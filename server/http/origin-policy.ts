/**
 * Whether an Origin header names this site: one of the configured origins, or (when none are
 * configured) the host the request was sent to.
 */
export function isSameSiteOrigin(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
