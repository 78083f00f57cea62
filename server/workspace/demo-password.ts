import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo accounts' password: the configured one, or one generated at the first start and kept
 * beside the database so that later starts can print it again. Demo data only: real accounts
 * never have a password stored anywhere but as an argon2id hash.
 */
export function demoPassword(dataDir: string, configured: string | null): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'demo-password.txt');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const generated = randomBytes(12).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
