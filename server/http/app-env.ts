import type { SessionUser } from '../../shared/api/session.js';

/** What middleware puts on a request's context. */
export interface AppEnv {
  Variables: {
    /** The signed-in person, as the server authenticated them; null without a valid session. */
    user: SessionUser | null;
    sessionId: string | null;
    /** This site's own origin (PUBLIC_URL, or as the request reached the server): see origin-policy.ts. */
    ownOrigin: string;
    /** The client's address, from the trusted proxy's header when configured. */
    clientAddress: string;
  };
}
