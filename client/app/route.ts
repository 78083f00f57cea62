/** The pages of the client, as decided from the address bar. */
export type Route =
  | { readonly page: 'letters' }
  | { readonly page: 'letter'; readonly letterId: string }
  | { readonly page: 'not-found' };

/** Reads a pathname such as `/letters/<id>`. Ids stay opaque: the server decides what exists. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'letters' };
  const letterMatch = /^\/letters\/([^/]+)\/?$/.exec(pathname);
  if (letterMatch?.[1]) return { page: 'letter', letterId: decodeURIComponent(letterMatch[1]) };
  return { page: 'not-found' };
}

export function letterPath(letterId: string): string {
  return `/letters/${encodeURIComponent(letterId)}`;
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
