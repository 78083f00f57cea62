import { demoOffices, demoPeople } from './demo-offices.js';

/**
 * Tells the person who started the server how to sign in. Written to stderr so that stdout stays
 * a clean stream of JSON log lines.
 */
export function printDemoAccounts(password: string): void {
  const officeName = new Map(demoOffices.map((office) => [office.id, `${office.nameEn}, ${office.country}`]));
  const lines = demoPeople.map((person) => {
    const what = person.role === 'admin' ? 'workspace administrator' : person.role === 'coordinator' ? 'coordinator' : 'drafter and approver';
    return `  ${person.email.padEnd(32)} ${person.name} (${officeName.get(person.officeId)}), ${what}`;
  });
  process.stderr.write(
    ['', 'Demo workspace. Every demo account below has the password:', `  ${password}`, '', ...lines, ''].join('\n') + '\n',
  );
}
