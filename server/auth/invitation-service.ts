import { createHash, randomBytes } from 'node:crypto';
import type { InvitationDetailsResponse } from '../../shared/api/accounts.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';
import type { Store } from '../store/store.js';
import { AuditKind } from '../../shared/api/audit.js';
import { auditDraft } from '../audit/audit-draft.js';
import { hashPassword } from './password-hasher.js';

/** How long an invitation link works. */
const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const unusable = () =>
  new AppError(410, ErrorCode.invitationUnusable, 'This invitation link has been used or has expired. Ask your administrator for a new one.');

/**
 * Told of each new invitation, e.g. to mail its link; returns the address it was mailed to, or
 * null. It must not throw: the invitation is made whatever happens to its mail.
 */
export type InvitationListener = (invitation: { userId: string; createdBy: string; token: string; expiresAt: string }) => Promise<string | null>;

/**
 * New people join through a link that works once and expires. The administrator sees the link to
 * copy and hand over; with SMTP configured it is mailed as well. The database keeps only the
 * token's hash.
 */
export class InvitationService {
  constructor(
    private readonly store: Store,
    private readonly onCreated: InvitationListener = async () => null,
  ) {}

  /** A new link for the user; `mailedTo` is the address it was mailed to, null when it was not. */
  async create(userId: string, createdBy: string): Promise<{ token: string; expiresAt: string; mailedTo: string | null }> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(now + invitationLifetimeMs).toISOString();
    const creator = await this.store.accounts.getUser(createdBy);
    await this.store.accounts.insertInvitation(
      { tokenHash: hashToken(token), userId, createdBy, createdAt: new Date(now).toISOString(), expiresAt, usedAt: null },
      [auditDraft(AuditKind.invitationCreated, creator && { id: creator.id, officeId: creator.officeId }, null, { userId, expiresAt })],
    );
    const mailedTo = await this.onCreated({ userId, createdBy, token, expiresAt });
    return { token, expiresAt, mailedTo };
  }

  /** Who the invitation is for, if it can still be used. */
  async details(token: string): Promise<InvitationDetailsResponse & { userId: string }> {
    const invitation = token.length <= 100 ? await this.store.accounts.getInvitation(hashToken(token)) : null;
    if (!invitation) throw AppError.notFound('This invitation');
    if (invitation.usedAt !== null || new Date(invitation.expiresAt).getTime() <= Date.now()) throw unusable();
    const user = await this.store.accounts.getUser(invitation.userId);
    const office = (await this.store.accounts.listOffices()).find((candidate) => candidate.id === user?.officeId);
    if (!user || !office) throw AppError.notFound('This invitation');
    return { userId: user.id, name: user.name, email: user.email, officeName: office.name };
  }

  /** Sets the password and uses up the invitation in one step; returns the user's id. */
  async accept(token: string, password: string): Promise<string> {
    const { userId } = await this.details(token);
    const user = await this.store.accounts.getUser(userId);
    const audit = [auditDraft(AuditKind.invitationAccepted, user && { id: user.id, officeId: user.officeId }, null, { userId })];
    const accepted = await this.store.accounts.acceptInvitation(hashToken(token), await hashPassword(password), new Date().toISOString(), audit);
    if (!accepted) throw unusable();
    return userId;
  }
}
