import type { Db } from '@estate/db';
import { createTestDb } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/index.js';
import { type Browser, browser, createPost, newAccount, registered } from './helpers.js';

// Every procedure is called once (the list must name them all, so a new procedure cannot
// be forgotten) and everything it returns is searched for secrets: password hashes,
// session tokens or their hashes, and any email but the caller's own.

const SECRET_KEYS = ['passwordHash', 'tokenHash', 'token'];

function findSecrets(value: unknown, forbidden: string[], path = 'output'): string[] {
  if (typeof value === 'string') return forbidden.some((secret) => value.includes(secret)) ? [`${path} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecrets(item, forbidden, `${path}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(SECRET_KEYS.includes(key) ? [`${path}.${key}`] : []),
      ...findSecrets(item, forbidden, `${path}.${key}`),
    ]);
  }
  return [];
}

describe('no procedure returns secrets', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb('pglite');
  });
  afterAll(() => db.close());

  it('walks the output of every procedure', async () => {
    const me = await registered(db.prisma, {}, 'me');
    const other = await registered(db.prisma, {}, 'other');
    const post = await createPost(db.prisma, other.user.id, { postDetail: { create: { desc: 'Nice' } } });
    const fresh = newAccount('fresh');

    type Call = (b: Browser) => Promise<unknown>;
    // In order: the last ones sign out and delete.
    const calls: Record<string, Call> = {
      'health.check': (b) => b.call((api) => api.health.check()),
      'auth.me': (b) => b.call((api) => api.auth.me()),
      'post.search': (b) => b.call((api) => api.post.search({})),
      'post.byId': (b) => b.call((api) => api.post.byId({ id: post.id })),
      'user.byUsername': (b) => b.call((api) => api.user.byUsername({ username: other.user.username })),
      'user.update': (b) => b.call((api) => api.user.update({ avatar: '/images/demo/avatar-2.svg' })),
      'auth.login': (b) => b.call((api) => api.auth.login({ identifier: me.account.email, password: me.account.password })),
      'user.changePassword': (b) =>
        b.call((api) => api.user.changePassword({ currentPassword: me.account.password, newPassword: 'another fine secret' })),
      'auth.register': () => browser(db.prisma).call((api) => api.auth.register(fresh)),
      'auth.logout': (b) => b.call((api) => api.auth.logout()),
      'user.delete': async () => {
        const b = browser(db.prisma);
        await b.call((api) => api.auth.login({ identifier: fresh.email, password: fresh.password }));
        return b.call((api) => api.user.delete({ password: fresh.password }));
      },
    };
    expect(Object.keys(calls).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());

    const sessions = await db.prisma.session.findMany({ select: { tokenHash: true } });
    const forbidden = [
      other.account.email,
      ...sessions.map((session) => session.tokenHash),
      (await db.prisma.user.findUniqueOrThrow({ where: { id: other.user.id } })).passwordHash,
    ];
    for (const [name, call] of Object.entries(calls)) {
      const output = await call(me.browser);
      expect(findSecrets(output, forbidden), name).toEqual([]);
    }
  });
});
