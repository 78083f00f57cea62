import { Permission, hasPermission } from './permissions.js';
import { Role } from './roles.js';

/** Per-letter comment settings the coordinator chooses. */
export interface CommentSettings {
  /** Observers may comment on this letter too (off by default). */
  observersMayComment: boolean;
}

export const defaultCommentSettings: CommentSettings = { observersMayComment: false };

/**
 * K1: who may comment, reply and resolve: every member who may read the letter except observers;
 * observers too where the coordinator allowed it. No roles (an outsider) means nothing.
 */
export function mayComment(memberRoles: readonly Role[], settings: CommentSettings): boolean {
  if (!hasPermission(memberRoles, Permission.readLetter)) return false;
  if (memberRoles.some((role) => role !== Role.observer)) return true;
  return settings.observersMayComment;
}

/** K2: a comment is edited or withdrawn by its author only. */
export function mayChangeComment(authorId: string, userId: string): boolean {
  return authorId === userId;
}
