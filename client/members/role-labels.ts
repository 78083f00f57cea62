import { formatList } from '../i18n/format-list.js';
import { t } from '../i18n/translate.js';
import { Role, roles } from '../../shared/domain/roles.js';

/** Each role as people read it. */
export const roleLabel: Record<Role, string> = {
  get [Role.coordinator]() { return t('members.coordinator'); },
  get [Role.drafter]() { return t('members.drafter'); },
  get [Role.approver]() { return t('members.approver'); },
  get [Role.observer]() { return t('members.observer'); },
};

/** Everyone holding a role, as named before what they do ("Drafters" edit the text). */
export const roleGroupLabel: Record<Role, string> = {
  get [Role.coordinator]() { return t('members.coordinators'); },
  get [Role.drafter]() { return t('members.drafters'); },
  get [Role.approver]() { return t('members.approvers'); },
  get [Role.observer]() { return t('members.observers'); },
};

/** What members with each role do, in a few words ("Drafters … edit the text"). */
export const roleDescription: Record<Role, string> = {
  get [Role.coordinator]() { return t('members.manageTheLetterAndIts'); },
  get [Role.drafter]() { return t('members.editTheText'); },
  get [Role.approver]() { return t('members.approveParagraphsForTheirOffice'); },
  get [Role.observer]() { return t('members.onlyRead'); },
};

/** "Drafter and approver": a member's roles in the usual order, as a list of the interface's language. */
export function describeRoles(memberRoles: readonly Role[]): string {
  const text = formatList(roles.filter((role) => memberRoles.includes(role)).map((role) => roleLabel[role].toLowerCase()));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
