import {
  type Account,
  accountListResponseSchema,
  accountSchema,
  type CreateOfficeRequest,
  type CreateUserRequest,
  type InvitationLinkResponse,
  invitationLinkResponseSchema,
} from '../../shared/api/accounts.js';
import { officeListResponseSchema } from '../../shared/api/letters.js';
import { type Office, officeSchema } from '../../shared/api/offices.js';
import { requestJson } from './request-json.js';

/** Every office of the workspace. */
export async function loadAdminOffices(): Promise<Office[]> {
  const { offices } = await requestJson('/api/admin/offices', officeListResponseSchema);
  return offices;
}

export async function createOffice(request: CreateOfficeRequest): Promise<Office> {
  return requestJson('/api/admin/offices', officeSchema, { method: 'POST', body: request });
}

/** Every account, active or still waiting for its invitation to be used. */
export async function loadAccounts(): Promise<Account[]> {
  const { users } = await requestJson('/api/admin/users', accountListResponseSchema);
  return users;
}

/** Creates an account and the one-time link its owner sets a password with. */
export async function createAccount(request: CreateUserRequest): Promise<InvitationLinkResponse> {
  return requestJson('/api/admin/users', invitationLinkResponseSchema, { method: 'POST', body: request });
}

/** The workspace administrator makes someone their office's administrator, or no longer. */
export async function setOfficeAdmin(userId: string, isOfficeAdmin: boolean): Promise<Account> {
  return requestJson(`/api/admin/users/${encodeURIComponent(userId)}/office-admin`, accountSchema, {
    method: 'PUT',
    body: { isOfficeAdmin },
  });
}

/** A fresh invitation link for someone whose earlier link was lost or has expired. */
export async function renewInvitation(userId: string): Promise<InvitationLinkResponse> {
  return requestJson(`/api/admin/users/${encodeURIComponent(userId)}/invitations`, invitationLinkResponseSchema, {
    method: 'POST',
  });
}
