/** The pages of the client, as decided from the address bar. */
export type Route =
  | { readonly page: 'letters' }
  | { readonly page: 'letter'; readonly letterId: string }
  | { readonly page: 'sign-off'; readonly letterId: string }
  | { readonly page: 'versions'; readonly letterId: string }
  | { readonly page: 'version'; readonly letterId: string; readonly versionId: string }
  | { readonly page: 'audit'; readonly letterId: string }
  | { readonly page: 'admin' }
  | { readonly page: 'invitation'; readonly token: string }
  | { readonly page: 'not-found' };

/** Reads a pathname such as `/letters/<id>`. Ids stay opaque: the server decides what exists. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'letters' };
  const letterMatch = /^\/letters\/([^/]+)\/?$/.exec(pathname);
  const letterId = decodeSegment(letterMatch?.[1]);
  if (letterId) return { page: 'letter', letterId };
  const signOffId = decodeSegment(/^\/letters\/([^/]+)\/sign-off\/?$/.exec(pathname)?.[1]);
  if (signOffId) return { page: 'sign-off', letterId: signOffId };
  const versionsId = decodeSegment(/^\/letters\/([^/]+)\/versions\/?$/.exec(pathname)?.[1]);
  if (versionsId) return { page: 'versions', letterId: versionsId };
  const versionMatch = /^\/letters\/([^/]+)\/versions\/([^/]+)\/?$/.exec(pathname);
  const versionLetterId = decodeSegment(versionMatch?.[1]);
  const versionId = decodeSegment(versionMatch?.[2]);
  if (versionLetterId && versionId) return { page: 'version', letterId: versionLetterId, versionId };
  const auditId = decodeSegment(/^\/letters\/([^/]+)\/audit\/?$/.exec(pathname)?.[1]);
  if (auditId) return { page: 'audit', letterId: auditId };
  if (/^\/admin\/?$/.test(pathname)) return { page: 'admin' };
  const token = decodeSegment(/^\/invitations\/([^/]+)\/?$/.exec(pathname)?.[1]);
  if (token) return { page: 'invitation', token };
  return { page: 'not-found' };
}

/** A path segment as text; a broken escape such as `%E0%A4%A` makes it no segment at all. */
function decodeSegment(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function letterPath(letterId: string): string {
  return `/letters/${encodeURIComponent(letterId)}`;
}

/** The letter opened at one paragraph, its sign-off panel showing (read with `paragraphToShow`). */
export function letterParagraphPath(letterId: string, paragraphId: string): string {
  return `${letterPath(letterId)}?paragraph=${encodeURIComponent(paragraphId)}`;
}

/** The paragraph a letter's address asks to show, if any. */
export function paragraphToShow(search: string): string | null {
  return new URLSearchParams(search).get('paragraph');
}

/** The coordinator's overview of every paragraph's sign-off. */
export function letterSignOffPath(letterId: string): string {
  return `${letterPath(letterId)}/sign-off`;
}

/** The letter's saved versions and their comparison. */
export function letterVersionsPath(letterId: string): string {
  return `${letterPath(letterId)}/versions`;
}

/** One saved version, read-only. */
export function letterVersionPath(letterId: string, versionId: string): string {
  return `${letterVersionsPath(letterId)}/${encodeURIComponent(versionId)}`;
}

/** The coordinator's view of the letter's audit trail. */
export function letterAuditPath(letterId: string): string {
  return `${letterPath(letterId)}/audit`;
}

/** Fired on window whenever `navigate` changed the address, like `popstate` for our own moves. */
export const routeChangeEvent = 'jl-route-change';

/** Moves to `path` without reloading the page. */
export function navigate(path: string, { replace = false } = {}): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(routeChangeEvent));
}
