import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/api/session.js';
import type { AuditDraft, Store } from '../store/store.js';

export const sessionCookieName = 'jointly_session';

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
}

/** Writing last-seen on every request would turn every read into a write; once a minute is enough. */
const touchIntervalMs = 60_000;

/**
 * Sessions live on the server; the cookie holds only a random id. Every channel (REST and
 * websocket) asks this service who a request belongs to, and hears from it when sessions end.
 */
export class SessionService {
  private readonly endedListeners = new Set<(sessionIds: string[]) => void>();

  constructor(
    private readonly store: Store,
    private readonly policy: SessionPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called with the ids of sessions that were ended (logout, password change), to close their sockets. */
  onSessionsEnded(listener: (sessionIds: string[]) => void): void {
    this.endedListeners.add(listener);
  }

  async start(userId: string, audit?: AuditDraft[]): Promise<{ id: string; expiresAt: Date }> {
    const now = this.now();
    const expiresAt = new Date(now + this.policy.absoluteMs);
    const id = randomBytes(32).toString('base64url');
    const at = new Date(now).toISOString();
    await this.store.accounts.insertSession({ id, userId, createdAt: at, lastSeenAt: at, expiresAt: expiresAt.toISOString() }, audit);
    return { id, expiresAt };
  }

  async end(sessionId: string, audit?: AuditDraft[]): Promise<void> {
    await this.store.accounts.deleteSession(sessionId, audit);
    this.announce([sessionId]);
  }

  async endAllOf(userId: string): Promise<void> {
    this.announce(await this.store.accounts.deleteSessionsOfUser(userId));
  }

  /**
   * The person a session id belongs to, or null if it is unknown, idle too long or past its
   * absolute lifetime. `active` says the request counts as use of the session.
   */
  async resolve(sessionId: string | null | undefined, active = true): Promise<SessionUser | null> {
    if (!sessionId || sessionId.length > 100) return null;
    const session = await this.store.accounts.getSession(sessionId);
    if (!session) return null;
    const now = this.now();
    const lastSeen = new Date(session.lastSeenAt).getTime();
    if (now >= new Date(session.expiresAt).getTime() || now >= lastSeen + this.policy.idleMs) {
      await this.end(sessionId);
      return null;
    }
    if (active && now - lastSeen > Math.min(touchIntervalMs, this.policy.idleMs / 4)) {
      await this.store.accounts.touchSession(sessionId, new Date(now).toISOString());
    }
    return this.describeUser(session.userId);
  }

  /**
   * Records a use of the session at `usedAt` (if later than the last one recorded) and returns
   * when the session ends if nothing uses it again: the earlier of its absolute expiry and its
   * last use plus the idle time. Returns null, ending the session everywhere, once that has passed.
   */
  async renew(sessionId: string, usedAt: number | null): Promise<number | null> {
    const session = await this.store.accounts.getSession(sessionId);
    if (!session) return null;
    let lastSeen = new Date(session.lastSeenAt).getTime();
    if (usedAt !== null && usedAt > lastSeen) {
      await this.store.accounts.touchSession(sessionId, new Date(usedAt).toISOString());
      lastSeen = usedAt;
    }
    const endsAt = Math.min(new Date(session.expiresAt).getTime(), lastSeen + this.policy.idleMs);
    if (this.now() < endsAt) return endsAt;
    await this.end(sessionId);
    return null;
  }

  async describeUser(userId: string): Promise<SessionUser | null> {
    const user = await this.store.accounts.getUser(userId);
    if (!user) return null;
    const office = (await this.store.accounts.listOffices()).find((candidate) => candidate.id === user.officeId);
    if (!office) return null;
    const language = await this.store.accounts.getLanguage(user.id);
    return { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, isOfficeAdmin: user.isOfficeAdmin, office, language };
  }

  private announce(sessionIds: string[]): void {
    if (sessionIds.length === 0) return;
    for (const listener of this.endedListeners) listener(sessionIds);
  }
}
