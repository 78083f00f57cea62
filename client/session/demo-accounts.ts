/**
 * The accounts a demo workspace is seeded with (server/workspace/demo-offices.ts; a test keeps the
 * two lists equal). Only the addresses are shown: the password is printed where the server starts.
 */
export const demoAccounts: readonly { email: string; name: string; description: string }[] = [
  { email: 'helena@fi-interior.example', name: 'Helena Virtanen', description: 'Finland, coordinator of the demo letter' },
  { email: 'mette@dk-immigration.example', name: 'Mette Sørensen', description: 'Denmark, drafter and approver' },
  { email: 'kadri@ee-interior.example', name: 'Kadri Tamm', description: 'Estonia, drafter and approver' },
  { email: 'janis@lv-interior.example', name: 'Jānis Bērziņš', description: 'Latvia, drafter and approver' },
  { email: 'ruta@lt-interior.example', name: 'Rūta Kazlauskienė', description: 'Lithuania, drafter and approver' },
  { email: 'ingrid@no-justice.example', name: 'Ingrid Løvås', description: 'Norway, drafter and approver' },
  { email: 'pawel@pl-interior.example', name: 'Paweł Wiśniewski', description: 'Poland, drafter and approver' },
  { email: 'aino@fi-interior.example', name: 'Aino Mäkelä', description: 'Finland, drafter and approver' },
  { email: 'erik@se-government.example', name: 'Erik Åkesson', description: 'Sweden, drafter and approver' },
  { email: 'admin@fi-interior.example', name: 'Olli Korhonen', description: 'workspace administrator' },
];
