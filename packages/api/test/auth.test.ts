import { createHash } from 'node:crypto';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, fieldErrors, newAccount, registered, testClock } from './helpers.js';

const DAY = 86_400_000;

describe.each(testDbKinds())('accounts and sessions on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  describe('register', () => {
    it('explains every invalid field', async () => {
      const b = browser(db.prisma);
      expect(await fieldErrors(b.call((api) => api.auth.register({ email: 'not-an-email', username: 'ab', password: 'short' })))).toEqual({
        email: ['Enter a valid email address'],
        username: ['At least 3 characters'],
        password: ['At least 8 characters'],
      });
      expect(
        await fieldErrors(
          b.call((api) => api.auth.register({ email: 'a@example.com', username: 'has space!', password: 'x'.repeat(129) })),
        ),
      ).toEqual({
        username: ['Only letters, digits, _ and -'],
        password: ['At most 128 characters'],
      });
      expect(
        await fieldErrors(
          b.call((api) => api.auth.register({ email: 'a@example.com', username: 'a'.repeat(31), password: 'long enough' })),
        ),
      ).toEqual({
        username: ['At most 30 characters'],
      });
      // The password may be neither the username nor the email, in any letter case.
      expect(
        await fieldErrors(b.call((api) => api.auth.register({ email: 'pat@example.com', username: 'PatSmith', password: 'patsmith' }))),
      ).toEqual({
        password: ['The password must not be your username or email'],
      });
      expect(
        await fieldErrors(
          b.call((api) => api.auth.register({ email: 'pat@example.com', username: 'PatSmith', password: 'PAT@example.com' })),
        ),
      ).toEqual({
        password: ['The password must not be your username or email'],
      });
      expect(await db.prisma.user.count({ where: { email: 'pat@example.com' } })).toBe(0);
    });

    it('stores email and username in lower case and signs the new user in', async () => {
      const account = newAccount('Mixed');
      const b = browser(db.prisma);
      const user = await b.call((api) => api.auth.register({ ...account, email: `  ${account.email.toUpperCase()} ` }));
      expect(user).toMatchObject({ email: account.email.toLowerCase(), username: account.username.toLowerCase() });
      expect(Object.keys(user).sort()).toEqual(['avatar', 'createdAt', 'email', 'id', 'username']);
      expect(await b.call((api) => api.auth.me())).toMatchObject({ id: user.id });
      const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('refuses a taken email or username with CONFLICT naming the field', async () => {
      const { account } = await registered(db.prisma);
      const other = newAccount();
      await expect(
        browser(db.prisma).call((api) => api.auth.register({ ...other, email: account.email.toUpperCase() })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'An account with this email already exists.',
        cause: { field: 'email' },
      });
      await expect(
        browser(db.prisma).call((api) => api.auth.register({ ...other, username: account.username.toUpperCase() })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'This username is taken.',
        cause: { field: 'username' },
      });
    });

    it('creates one account when the same registration races itself', async () => {
      const account = newAccount('race');
      const results = await Promise.allSettled([1, 2, 3].map(() => browser(db.prisma).call((api) => api.auth.register(account))));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'CONFLICT' });
      }
      expect(await db.prisma.user.count({ where: { email: account.email } })).toBe(1);
    });
  });

  describe('login', () => {
    it('accepts the email or the username, in any letter case', async () => {
      const { account, user } = await registered(db.prisma);
      for (const identifier of [account.email, account.email.toUpperCase(), account.username, account.username.toUpperCase()]) {
        const b = browser(db.prisma);
        expect(await b.call((api) => api.auth.login({ identifier, password: account.password }))).toMatchObject({ id: user.id });
        expect(await b.call((api) => api.auth.me())).toMatchObject({ id: user.id, email: account.email });
      }
    });

    it('answers an unknown user and a wrong password identically', async () => {
      const { account } = await registered(db.prisma);
      const wrongPassword = await browser(db.prisma)
        .call((api) => api.auth.login({ identifier: account.email, password: 'not the password' }))
        .catch((e: unknown) => e);
      const unknownUser = await browser(db.prisma)
        .call((api) => api.auth.login({ identifier: 'nobody@example.com', password: 'not the password' }))
        .catch((e: unknown) => e);
      expect(wrongPassword).toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong email, username or password.' });
      expect(unknownUser).toMatchObject({ code: 'UNAUTHORIZED', message: (wrongPassword as Error).message });
    });

    it('replaces a session that was already there (no session fixation)', async () => {
      const { account, browser: b } = await registered(db.prisma);
      const before = b.cookie;
      await b.call((api) => api.auth.login({ identifier: account.username, password: account.password }));
      expect(b.cookie).not.toBe(before);
      const stale = browser(db.prisma);
      stale.cookie = before;
      expect(await stale.call((api) => api.auth.me())).toBeNull();
    });
  });

  describe('the session cookie', () => {
    it('is an HttpOnly, SameSite=Lax, Path=/ cookie with a 30-day lifetime, Secure over HTTPS', async () => {
      const plain = browser(db.prisma);
      await plain.call((api) => api.auth.register(newAccount()));
      const [cookie] = plain.setCookies;
      expect(plain.setCookies).toHaveLength(1);
      expect(cookie).toMatch(/^estate_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie?.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Lax']);

      const tls = browser(db.prisma, { secure: true, origin: 'https://localhost' });
      await tls.call((api) => api.auth.register(newAccount()));
      expect(tls.setCookies[0]?.split('; ')).toContain('Secure');
    });

    it('holds a random token of 256 bits of which the database keeps only the SHA-256', async () => {
      const { browser: b, user } = await registered(db.prisma);
      const token = b.cookie.replace('estate_session=', '');
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const sessions = await db.prisma.session.findMany({ where: { userId: user.id } });
      expect(sessions.map((session) => session.tokenHash)).toEqual([createHash('sha256').update(token).digest('hex')]);
      expect(JSON.stringify(sessions)).not.toContain(token);
    });

    it('expires after 30 days unused, and slides forward while in use', async () => {
      const clock = testClock();
      const { browser: b, user } = await registered(db.prisma, { clock });
      const expiresAt = async () => (await db.prisma.session.findFirstOrThrow({ where: { userId: user.id } })).expiresAt;
      const in30Days = () => new Date(clock.now().getTime() + 30 * DAY);
      expect(await expiresAt()).toEqual(in30Days());

      // Within a day of the last extension: not written again, no cookie re-sent.
      clock.advance(DAY - 1);
      expect(await b.call((api) => api.auth.me())).toMatchObject({ id: user.id });
      expect(b.setCookies).toEqual([]);

      // Used 29 days later: extended to 30 days from now, the cookie re-sent; so still alive past the first 30 days.
      for (let i = 0; i < 2; i++) {
        clock.advance(29 * DAY);
        expect(await b.call((api) => api.auth.me())).toMatchObject({ id: user.id });
        expect(b.setCookies[0]).toMatch(/Max-Age=2592000/);
        expect(await expiresAt()).toEqual(in30Days());
      }

      // 30 days unused: signed out, and the browser told to drop the cookie.
      clock.advance(30 * DAY);
      expect(await b.call((api) => api.auth.me())).toBeNull();
      expect(b.setCookies[0]).toMatch(/^estate_session=; .*Max-Age=0/);
    });

    it('leaves no expired sessions behind once their user signs in again', async () => {
      const clock = testClock();
      const { account, user } = await registered(db.prisma, { clock });
      clock.advance(31 * DAY);
      await browser(db.prisma, { clock }).call((api) => api.auth.login({ identifier: account.email, password: account.password }));
      const sessions = await db.prisma.session.findMany({ where: { userId: user.id } });
      expect(sessions.map((session) => session.expiresAt)).toEqual([new Date(clock.now().getTime() + 30 * DAY)]);
    });

    it('is revoked on the server by logout', async () => {
      const { browser: b, user } = await registered(db.prisma);
      const copy = browser(db.prisma);
      copy.cookie = b.cookie; // e.g. a stolen copy of the cookie
      await b.call((api) => api.auth.logout());
      expect(b.setCookies[0]).toMatch(/Max-Age=0/);
      expect(await copy.call((api) => api.auth.me())).toBeNull();
      expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    });
  });

  describe('protection from other sites', () => {
    it('refuses a mutation whose Origin is another site, and accepts configured ones', async () => {
      const evil = browser(db.prisma, { origin: 'https://evil.example' });
      await expect(evil.call((api) => api.auth.register(newAccount()))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/Cross-site request refused/),
      });
      const sneaky = browser(db.prisma, { origin: null, headers: { 'sec-fetch-site': 'cross-site' } });
      await expect(sneaky.call((api) => api.auth.login({ identifier: 'x', password: 'y' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const partner = browser(db.prisma, { origin: 'https://app.estate.example', trustedOrigins: ['https://app.estate.example'] });
      await expect(partner.call((api) => api.auth.register(newAccount()))).resolves.toMatchObject({ username: expect.any(String) });
      // A client that is not a browser sends neither header: no cookie can be riding along unasked.
      const script = browser(db.prisma, { origin: null });
      await expect(script.call((api) => api.auth.register(newAccount()))).resolves.toMatchObject({ username: expect.any(String) });
    });

    it('lets other sites read public data (queries change nothing)', async () => {
      const evil = browser(db.prisma, { origin: 'https://evil.example' });
      await expect(evil.call((api) => api.post.search({}))).resolves.toMatchObject({ items: expect.any(Array) });
    });
  });
});
