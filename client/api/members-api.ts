import {
  type DirectoryResponse,
  directoryResponseSchema,
  type InviteToLetterRequest,
  type LetterInvitationResponse,
  letterInvitationResponseSchema,
  type Member,
  memberListResponseSchema,
} from '../../shared/api/members.js';
import type { Role } from '../../shared/domain/roles.js';
import { requestJson } from './request-json.js';

const membersPath = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}/members`;
const memberPath = (letterId: string, userId: string) => `${membersPath(letterId)}/${encodeURIComponent(userId)}`;

export type Person = DirectoryResponse['people'][number];

export async function loadMembers(letterId: string): Promise<Member[]> {
  const { members } = await requestJson(membersPath(letterId), memberListResponseSchema);
  return members;
}

/** Adds a person to the letter, or replaces a member's roles. Returns the members afterwards. */
export async function setMemberRoles(letterId: string, userId: string, roles: Role[]): Promise<Member[]> {
  const { members } = await requestJson(memberPath(letterId, userId), memberListResponseSchema, {
    method: 'PUT',
    body: { roles },
  });
  return members;
}

export async function removeMember(letterId: string, userId: string): Promise<Member[]> {
  const { members } = await requestJson(memberPath(letterId, userId), memberListResponseSchema, { method: 'DELETE' });
  return members;
}

/** Creates an account for someone new, makes them a member, and returns their one-time link. */
export async function inviteToLetter(letterId: string, request: InviteToLetterRequest): Promise<LetterInvitationResponse> {
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}/invitations`, letterInvitationResponseSchema, {
    method: 'POST',
    body: request,
  });
}

/** Everyone in the workspace who could be added to a letter. */
export async function loadPeople(): Promise<Person[]> {
  const { people } = await requestJson('/api/people', directoryResponseSchema);
  return people;
}
