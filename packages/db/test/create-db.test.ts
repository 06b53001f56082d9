import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/create-db.js';
import { DataDirError } from '../src/pglite-dir.js';
import { openTestConnection } from '../src/testing.js';

describe('createDb on PGlite', () => {
  // Each test has a data directory of its own, so any one of them runs alone.
  const dataDirs: string[] = [];
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  function newDataDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'estate-pglite-'));
    dataDirs.push(dir);
    return dir;
  }

  it('creates, migrates and reopens a data directory, keeping its data', async () => {
    const dataDir = newDataDir();
    const first = await createDb({ databaseUrl: '', dataDir });
    expect(first.kind).toBe('pglite');
    expect(first.migration?.freshDatabase).toBe(true);
    await first.prisma.user.create({ data: { email: 'keep@example.com', username: 'keeper', passwordHash: 'x' } });
    await first.close();

    const second = await createDb({ databaseUrl: '', dataDir });
    try {
      expect(second.migration).toEqual({ applied: [], freshDatabase: false });
      expect(await second.prisma.user.findUnique({ where: { email: 'keep@example.com' }, select: { username: true } })).toEqual({
        username: 'keeper',
      });
    } finally {
      await second.close();
    }
  });

  it('refuses a data directory another process has open', async () => {
    const dataDir = newDataDir();
    // A real second process holds the directory, as a second server started by mistake would.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@estate/source',
        '-e',
        `
        const { createDb } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../src/create-db.ts'))});
        const db = await createDb({ databaseUrl: '', dataDir: ${JSON.stringify(dataDir)}, migrate: false });
        console.log('open');
        process.stdin.on('data', async () => { await db.close(); process.exit(0); });`,
      ],
      { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const error = await createDb({ databaseUrl: '', dataDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataDirError);
      expect((error as Error).message).toMatch(new RegExp(`in use by process ${holder.pid}`));
    } finally {
      holder.stdin.write('close\n');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Released: it opens again.
    const db = await createDb({ databaseUrl: '', dataDir, migrate: false });
    await db.close();
  });

  it('takes over the lock of a process that died', async () => {
    const dataDir = newDataDir();
    writeFileSync(path.join(dataDir, 'estate.lock'), '999999999');
    const db = await createDb({ databaseUrl: '', dataDir, migrate: false });
    expect(readFileSync(path.join(dataDir, 'estate.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
  });

  it('refuses a data directory written by an incompatible PGlite', async () => {
    const dataDir = newDataDir();
    await (await createDb({ databaseUrl: '', dataDir, migrate: false })).close();
    writeFileSync(path.join(dataDir, 'estate-pglite.json'), '{"pglite":"0.4.3"}\n');
    await expect(createDb({ databaseUrl: '', dataDir })).rejects.toThrow(
      /created by PGlite 0\.4\.3, which this version \(0\.5\.\d+\) cannot open/,
    );
  });

  it('refuses a URL that is not PostgreSQL', async () => {
    await expect(createDb({ databaseUrl: 'mysql://localhost/estate' })).rejects.toThrow(/must be a postgresql:\/\/ URL/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('createDb on PostgreSQL', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  it('migrates an empty database and serves Prisma queries', async () => {
    // An empty database of our own to point DATABASE_URL at.
    const empty = await openTestConnection('postgres', 'empty');
    cleanup.push(() => empty.close());
    const url = empty.config?.databaseUrl ?? '';
    const db = await createDb({ databaseUrl: url });
    try {
      expect(db.kind).toBe('postgres');
      expect(db.migration?.freshDatabase).toBe(true);
      await db.prisma.user.create({ data: { email: 'pg@example.com', username: 'pg_user', passwordHash: 'x' } });
      expect(await db.prisma.user.count()).toBe(1);
    } finally {
      await db.close();
    }
    const again = await createDb({ databaseUrl: url });
    expect(again.migration).toEqual({ applied: [], freshDatabase: false });
    await again.close();
  });

  it('hides the password when it says where the data is', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.password = 'hunter2';
    url.username = url.username || 'postgres';
    const db = await createDb({ databaseUrl: url.toString(), migrate: false });
    expect(db.location).not.toContain('hunter2');
    await db.close();
  });
});
