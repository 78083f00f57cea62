/** How the server finds out where its pages live and who is talking to it, behind a proxy or not. */
export interface ProxySettings {
  /** The address people open (PUBLIC_URL), as an origin; null to take it from each request. */
  publicOrigin: string | null;
  /** Believe X-Forwarded-Proto and X-Forwarded-For (TRUST_PROXY): only behind a proxy that sets them. */
  trustProxy: boolean;
}

export const directConnection: ProxySettings = { publicOrigin: null, trustProxy: false };

/**
 * The origin of this site's own pages: PUBLIC_URL if set; otherwise the scheme and host the request
 * was sent to, the scheme taken from the proxy's X-Forwarded-Proto only when the proxy is trusted.
 */
export function ownOrigin(requestUrl: string, header: (name: string) => string | undefined, settings: ProxySettings): string {
  if (settings.publicOrigin) return settings.publicOrigin;
  const url = new URL(requestUrl);
  const forwarded = settings.trustProxy ? header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : url.protocol.slice(0, -1);
  return new URL(`${scheme}://${url.host}`).origin;
}

/**
 * Whether an Origin header names this site, exactly: one of the configured origins, or (when none
 * are configured) the page's own origin — same scheme, host and port, nothing after it.
 */
export function isSameSiteOrigin(origin: string, siteOrigin: string, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin);
  return origin === siteOrigin;
}

/** The address a request came from: the proxy's last X-Forwarded-For entry when trusted, else the socket's. */
export function clientAddress(socketAddress: string | undefined, header: (name: string) => string | undefined, settings: ProxySettings): string {
  if (settings.trustProxy) {
    // Earlier entries are whatever the client wrote; the last is the one the trusted proxy added.
    const forwarded = header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress ?? 'unknown';
}
