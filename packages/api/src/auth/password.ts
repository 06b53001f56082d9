import { hash, verify } from '@node-rs/argon2';

// argon2id (OWASP's first recommendation) with m = 19 MiB, t = 2, p = 1: OWASP's minimum
// for argon2id, about 0.1 s per hash on this project's 2-core machines. The parameters are
// stored in each hash (PHC string), so raising them later keeps old hashes verifiable.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // not a hash we can read: treat as a mismatch
  }
}
