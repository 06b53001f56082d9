// Does a failed login reveal whether the account exists? Times `auth.login` with a wrong
// password for a real account and for an unknown identifier, on a test database, and
// prints the medians and the machine. Run from packages/api:
//   ../db/node_modules/.bin/tsx --conditions=@estate/source bench/login-timing.ts [rounds]
import os from 'node:os';
import { createTestDb } from '@estate/db/testing';
import { browser, registered } from '../test/helpers.js';

const rounds = Number(process.argv[2] ?? 40);
const db = await createTestDb('pglite');
const noLimits = { authPerIp: { max: 1e9, windowMs: 1000 }, authPerIdentifier: { max: 1e9, windowMs: 1000 } };

async function time(identifier: string): Promise<number> {
  const started = performance.now();
  await browser(db.prisma, { rateLimits: noLimits })
    .call((api) => api.auth.login({ identifier, password: 'certainly wrong' }))
    .catch(() => {});
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const { account } = await registered(db.prisma);
await time('warm-up');
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < rounds; i++) {
  known.push(await time(account.email));
  unknown.push(await time(`nobody${i}@example.com`));
}
console.log(`machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, Node ${process.version}, PGlite`);
console.log(`wrong password, existing account: median ${median(known).toFixed(1)} ms over ${rounds}`);
console.log(`unknown email:                    median ${median(unknown).toFixed(1)} ms over ${rounds}`);
await db.close();
