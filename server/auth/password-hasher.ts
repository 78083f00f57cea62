import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Verified against when an account does not exist, so that the answer takes as long either way.
const decoyHash = hash('jointly decoy password', options);

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for an account without one; never throws on a malformed hash. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    if (passwordHash === null) {
      await verify(await decoyHash, password);
      return false;
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
