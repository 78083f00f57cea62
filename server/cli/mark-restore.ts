import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';

const usage = `Marks the database as restored from a backup: every letter's text gets a new generation.

  npm run mark-restore

Run it after restoring the database and before starting the server again, with every instance
stopped. Browsers that still hold a copy of a letter from before the restore are then refused
(close code 4409) instead of merging that copy into the restored text; each person is offered to
download their copy and to open the restored letter. Reads the store the server would use
(DATABASE_URL, else DATA_DIR).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean' } } });
  if (values.help) return void console.log(usage);
  const config = loadConfig();
  const store = await openStore(config, createLogger(config.logLevel));
  try {
    const marked = await store.text.markRestored();
    console.log(`Marked ${marked} letters as restored from a backup.`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
