import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUserRequestSchema } from '../../shared/api/accounts.js';
import { officeSchema } from '../../shared/api/offices.js';
import { AuditKind } from '../../shared/api/audit.js';
import { auditDraft } from '../audit/audit-draft.js';
import { hashPassword } from '../auth/password-hasher.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';

const usage = `Creates a workspace administrator (for a workspace started with DEMO=off).

  npm run create-admin -- --email ADDRESS --name "FULL NAME" --office-id ID
      [--office-name "NAME" --office-name-en "ENGLISH NAME" --country COUNTRY]

The office is created if it does not exist (then --office-name, --office-name-en and --country are
needed). The password is JOINTLY_ADMIN_PASSWORD if set, otherwise a new one printed once.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'office-id': { type: 'string' },
      'office-name': { type: 'string' },
      'office-name-en': { type: 'string' },
      country: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(usage);
  const request = createUserRequestSchema.safeParse({ email: values.email, name: values.name, officeId: values['office-id'], isAdmin: true });
  if (!request.success) throw new Error(`${request.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n\n${usage}`);

  const config = loadConfig();
  const store = await openStore(config, createLogger(config.logLevel));
  try {
    const offices = await store.accounts.listOffices();
    if (!offices.some((office) => office.id === request.data.officeId)) {
      const office = officeSchema.parse({
        id: request.data.officeId,
        name: values['office-name'],
        nameEn: values['office-name-en'],
        country: values.country,
        ministerName: '',
        ministerTitle: '',
        color: '#1f4e79',
      });
      await store.accounts.insertOffices([office], [auditDraft(AuditKind.officeCreated, null, null, { officeId: office.id, name: office.name, via: 'command line' })]);
      console.log(`Created the office ${office.nameEn} (${office.id}).`);
    }
    if (await store.accounts.findAccountByEmail(request.data.email)) throw new Error(`${request.data.email} has an account already.`);
    const password = process.env.JOINTLY_ADMIN_PASSWORD ?? randomBytes(15).toString('base64url');
    const userId = randomUUID();
    await store.accounts.insertUser(
      { id: userId, ...request.data, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() },
      [auditDraft(AuditKind.userCreated, null, null, { userId, email: request.data.email, officeId: request.data.officeId, isAdmin: true, via: 'command line' })],
    );
    console.log(`Created the administrator ${request.data.name} <${request.data.email}>.`);
    if (!process.env.JOINTLY_ADMIN_PASSWORD) console.log(`Password (shown once; keep it safe): ${password}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
