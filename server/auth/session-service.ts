import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/api/session.js';
import type { Store } from '../store/store.js';

export const sessionCookieName = 'jointly_session';

/** How long a session lasts after sign-in. */
const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/**
 * Sessions live on the server; the cookie holds only a random id. Every channel (REST and
 * websocket) asks this service who a request belongs to.
 */
export class SessionService {
  constructor(private readonly store: Store) {}

  async start(userId: string): Promise<{ id: string; expiresAt: Date }> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    const id = randomBytes(32).toString('base64url');
    await this.store.insertSession({ id, userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    return { id, expiresAt };
  }

  async end(sessionId: string): Promise<void> {
    await this.store.deleteSession(sessionId);
  }

  /** The person a session id belongs to, or null if it is unknown or expired. */
  async resolve(sessionId: string | undefined): Promise<SessionUser | null> {
    if (!sessionId || sessionId.length > 100) return null;
    const session = await this.store.getSession(sessionId);
    if (!session || new Date(session.expiresAt).getTime() <= Date.now()) return null;
    return this.describeUser(session.userId);
  }

  async describeUser(userId: string): Promise<SessionUser | null> {
    const user = await this.store.getUser(userId);
    if (!user) return null;
    const office = (await this.store.listOffices()).find((candidate) => candidate.id === user.officeId);
    return office ? { id: user.id, name: user.name, office } : null;
  }

  async listUsers(): Promise<SessionUser[]> {
    const [users, offices] = await Promise.all([this.store.listUsers(), this.store.listOffices()]);
    const officeById = new Map(offices.map((office) => [office.id, office]));
    return users.flatMap((user) => {
      const office = officeById.get(user.officeId);
      return office ? [{ id: user.id, name: user.name, office }] : [];
    });
  }
}
