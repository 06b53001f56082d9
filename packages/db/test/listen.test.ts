import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbOn, type Db } from '../src/create-db.js';
import { listenFor } from '../src/listen.js';
import { openTestConnection, testDbKinds } from '../src/testing.js';

// LISTEN through the connection createDb opened: NOTIFYs arrive as their transactions commit,
// and on PostgreSQL a listening connection that is killed comes back by itself.

/** Resolves once `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(testDbKinds())('listen on %s', (kind) => {
  let db: Db;
  const heard: string[] = [];
  let reconnects = 0;

  beforeAll(async () => {
    db = await createDbOn(await openTestConnection(kind), { migrate: false });
    await listenFor(db.prisma)('estate_test', {
      onNotify: (payload) => heard.push(payload),
      onReconnect: () => reconnects++,
    });
  });
  afterAll(() => db.close());

  it('hears a NOTIFY once its transaction commits, and never one rolled back', async () => {
    heard.length = 0;
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_notify('estate_test', 'committed')`;
      await settle();
      expect(heard).toEqual([]);
    });
    await eventually(() => heard.length === 1);
    expect(heard).toEqual(['committed']);

    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify('estate_test', 'rolled back')`;
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await db.prisma.$executeRaw`SELECT pg_notify('estate_test', 'after')`;
    await eventually(() => heard.length === 2);
    expect(heard).toEqual(['committed', 'after']);
  });

  it.runIf(kind === 'postgres')('reopens a listening connection that was killed, and says so', async () => {
    heard.length = 0;
    const [{ killed }] = await db.prisma.$queryRaw<[{ killed: bigint }]>`
      SELECT count(pg_terminate_backend(pid)) AS killed FROM pg_stat_activity
      WHERE application_name = 'estate-listener' AND datname = current_database()`;
    expect(killed).toBe(1n);
    await eventually(() => reconnects === 1);
    await db.prisma.$executeRaw`SELECT pg_notify('estate_test', 'back')`;
    await eventually(() => heard.length === 1);
    expect(heard).toEqual(['back']);
  });
});
