import {
  type AcceptInvitationRequest,
  type InvitationDetailsResponse,
  invitationDetailsResponseSchema,
} from '../../shared/api/accounts.js';
import type { SessionUser } from '../../shared/api/session.js';
import { sessionResponseSchema } from '../../shared/api/session.js';
import { requestJson } from './request-json.js';

const invitationPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

/** Who an invitation link is for, while it can still be used. */
export async function loadInvitation(token: string): Promise<InvitationDetailsResponse> {
  return requestJson(invitationPath(token), invitationDetailsResponseSchema);
}

/** Sets the invited person's password; the server uses up the link and signs them in. */
export async function acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<SessionUser> {
  const { user } = await requestJson(invitationPath(token), sessionResponseSchema, { method: 'POST', body: request });
  if (!user) throw new Error('the server signed in nobody');
  return user;
}
