import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../audit/audit-verifier.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';

const usage = `Checks the audit trail: recomputes every event's hash and its link to the one before.

  npm run verify-audit

Reads the store the server would use (DATABASE_URL, else DATA_DIR). Exits with 0 if the chain is intact, 1 if it is
broken (naming the first broken event), 2 if it could not be read.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  const store = await openStore(config, createLogger(config.logLevel));
  try {
    const result = await verifyAuditChain(store.audit);
    if (result.intact) {
      console.log(`The audit trail is intact: ${result.checked} events checked.`);
      return 0;
    }
    console.log(`The audit trail is broken at event ${result.firstBroken!.seq}: ${result.firstBroken!.reason}.`);
    console.log(`${result.checked} events before it are intact.`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
