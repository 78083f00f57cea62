import { t } from '../i18n/translate.js';
/**
 * The accounts a demo workspace is seeded with (server/workspace/demo-offices.ts; a test keeps the
 * two lists equal). Only the addresses are shown: the password is printed where the server starts.
 */
export const demoAccounts: readonly { email: string; name: string; description: string }[] = [
  { email: 'helena@fi-interior.example', name: 'Helena Virtanen', get description() { return t('session.finlandCoordinatorOfTheDemo'); } },
  { email: 'mette@dk-immigration.example', name: 'Mette Sørensen', get description() { return t('session.denmarkDrafterAndApprover'); } },
  { email: 'kadri@ee-interior.example', name: 'Kadri Tamm', get description() { return t('session.estoniaDrafterAndApprover'); } },
  { email: 'janis@lv-interior.example', name: 'Jānis Bērziņš', get description() { return t('session.latviaDrafterAndApprover'); } },
  { email: 'ruta@lt-interior.example', name: 'Rūta Kazlauskienė', get description() { return t('session.lithuaniaDrafterAndApprover'); } },
  { email: 'ingrid@no-justice.example', name: 'Ingrid Løvås', get description() { return t('session.norwayDrafterAndApprover'); } },
  { email: 'pawel@pl-interior.example', name: 'Paweł Wiśniewski', get description() { return t('session.polandDrafterAndApprover'); } },
  { email: 'aino@fi-interior.example', name: 'Aino Mäkelä', get description() { return t('session.finlandDrafterAndApprover'); } },
  { email: 'erik@se-government.example', name: 'Erik Åkesson', get description() { return t('session.swedenDrafterAndApprover'); } },
  { email: 'admin@fi-interior.example', name: 'Olli Korhonen', get description() { return t('session.workspaceAdministrator'); } },
];
