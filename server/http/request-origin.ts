import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { clientAddress, ownOrigin, type ProxySettings } from './origin-policy.js';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}

/** Puts the site's own origin and the client's address on every request, as the proxy settings say. */
export function requestOrigin(settings: ProxySettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = (name: string) => c.req.header(name);
    c.set('ownOrigin', ownOrigin(c.req.url, header, settings));
    c.set('clientAddress', clientAddress(socketAddress(c), header, settings));
    await next();
  };
}
