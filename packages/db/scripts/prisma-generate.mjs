// `prisma generate` without Prisma's native schema engine, which it would otherwise try to
// download. Generating the client never runs that engine; Prisma only checks that the file
// named by PRISMA_SCHEMA_ENGINE_BINARY exists, so any existing file will do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const { status } = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(status ?? 1);
