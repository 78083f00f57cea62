import type { MiddlewareHandler } from 'hono';
import { ErrorCode } from '../../shared/api/errors.js';
import type { AppEnv } from './app-env.js';
import { AppError } from './app-error.js';
import { isSameSiteOrigin } from './origin-policy.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser sent on behalf of another site, whatever their
 * Content-Type (forms, text/plain and bodiless requests included). Browsers mark such requests
 * with Origin and Sec-Fetch-Site; requests without either (command-line clients) carry no
 * ambient cookies of a victim and pass.
 */
export function csrfGuard(allowedOrigins: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') ||
      (origin !== undefined && !isSameSiteOrigin(origin, c.get('ownOrigin'), allowedOrigins));
    if (crossSite) throw new AppError(403, ErrorCode.forbidden, 'Requests from other sites are not accepted.');
    return next();
  };
}
