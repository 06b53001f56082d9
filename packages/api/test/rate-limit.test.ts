import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateLimits } from '../src/index.js';
import { browser, failure, newAccount, registered, testClock } from './helpers.js';

// Every limit is checked by moving a test clock, never by waiting. Each browser has an
// address of its own unless a test gives one, so only the counters a test means to share are shared.

const MINUTE = 60_000;

describe.each(testDbKinds())('rate limits on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  describe('signing in', () => {
    const rateLimits = { authPerIdentifier: { max: 3, windowMs: 15 * MINUTE } };

    it('stops guessing one account, tells when to retry, and allows it again after the window', async () => {
      const clock = testClock();
      const { account } = await registered(db.prisma, { clock });
      // Each attempt from a new address: the limit is the account's.
      const attempt = (password: string) =>
        browser(db.prisma, { clock, rateLimits }).call((api) => api.auth.login({ identifier: account.email, password }));
      for (let i = 0; i < 3; i++) await expect(attempt('wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

      // Even the right password is refused now: the account is being guessed.
      clock.advance(5 * MINUTE);
      expect(await failure(attempt(account.password))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many attempts. Try again in 10 minutes.',
        cause: { retryAfterSeconds: 600 },
      });
      clock.advance(10 * MINUTE - 1000);
      expect(await failure(attempt(account.password))).toMatchObject({ cause: { retryAfterSeconds: 1 } });
      clock.advance(1000);
      await expect(attempt(account.password)).resolves.toMatchObject({ email: account.email });
    });

    it('forgets the failed attempts on an account once its password is given', async () => {
      const clock = testClock();
      const { account } = await registered(db.prisma, { clock });
      const attempt = (password: string) =>
        browser(db.prisma, { clock, rateLimits }).call((api) => api.auth.login({ identifier: account.username, password }));
      // Two failures and a success, three times over: nine attempts, never more than three uncleared.
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 2; i++) await expect(attempt('wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
        await expect(attempt(account.password)).resolves.toMatchObject({ username: account.username });
      }
    });

    it('stops one address trying many accounts, without affecting other addresses', async () => {
      const clock = testClock();
      const limits = { authPerIp: { max: 5, windowMs: 15 * MINUTE } };
      const address = browser(db.prisma, { clock, rateLimits: limits });
      const attempt = (b = address) => b.call((api) => api.auth.login({ identifier: newAccount().email, password: 'guess guess' }));
      for (let i = 0; i < 5; i++) await expect(attempt()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await failure(attempt())).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { retryAfterSeconds: 900 } });
      await expect(attempt(browser(db.prisma, { clock, rateLimits: limits }))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      // Registering from that address counts separately from signing in.
      await expect(
        browser(db.prisma, { clock, rateLimits: limits, ip: address.ip }).call((api) => api.auth.register(newAccount())),
      ).resolves.toBeTruthy();
      clock.advance(15 * MINUTE);
      await expect(attempt()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  describe('the counters', () => {
    it('keep no rows for windows that are over, however many keys were used', async () => {
      const clock = testClock();
      const { account } = await registered(db.prisma, { clock });
      // A taken email: counted, then refused without hashing a password.
      const attempt = (ip: string) =>
        browser(db.prisma, { clock, ip })
          .call((api) => api.auth.register({ ...newAccount(), email: account.email }))
          .catch(() => {});
      const keys = { key: { startsWith: 'register:ip:10.7.' } };
      await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`10.7.${i}.1`)));
      expect(await db.prisma.rateLimit.count({ where: keys })).toBe(100);

      clock.advance(defaultRateLimits.authPerIp.windowMs);
      await attempt('10.8.0.1');
      expect(await db.prisma.rateLimit.count({ where: keys })).toBe(0);
    });

    it('of limits with different windows expire each on its own', async () => {
      // A one-minute limit per address beside a 15-minute one per account, sharing the table:
      // a sweep after the first is over must not take the second's live row with it.
      const clock = testClock();
      const limits = { authPerIp: { max: 2, windowMs: MINUTE }, authPerIdentifier: { max: 2, windowMs: 15 * MINUTE } };
      const { account } = await registered(db.prisma, { clock });
      const address = browser(db.prisma, { clock, rateLimits: limits });
      const login = (identifier: string, password: string, b = address) => b.call((api) => api.auth.login({ identifier, password }));

      for (let i = 0; i < 2; i++) await expect(login(account.email, 'wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await failure(login(newAccount().email, 'guess guess'))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        cause: { retryAfterSeconds: 60 },
      });

      // Two minutes on, the address may try again (its hit sweeps the rows of windows that are over)...
      clock.advance(2 * MINUTE);
      await expect(login(newAccount().email, 'guess guess')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      // ...while the account's counter still holds, 13 minutes from its end, from any address.
      expect(await failure(login(account.email, account.password, browser(db.prisma, { clock, rateLimits: limits })))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        cause: { retryAfterSeconds: 13 * 60 },
      });
    });
  });

  describe('chat messages', () => {
    it('have a one-minute limit that expires beside 15-minute sign-in counters without touching them', async () => {
      const clock = testClock();
      const limits = { messages: { max: 2, windowMs: MINUTE }, authPerIdentifier: { max: 2, windowMs: 15 * MINUTE } };
      const { browser: sender, account } = await registered(db.prisma, { clock, rateLimits: limits });
      const { user: receiver } = await registered(db.prisma, { clock });
      const chat = await sender.call((api) => api.chat.start({ userId: receiver.id }));
      const send = (text: string) => sender.call((api) => api.chat.send({ chatId: chat.id, text }));
      const login = (password: string) =>
        browser(db.prisma, { clock, rateLimits: limits }).call((api) => api.auth.login({ identifier: account.email, password }));

      for (let i = 0; i < 2; i++) await expect(login('wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await send('One');
      await send('Two');
      expect(await failure(send('Three'))).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { retryAfterSeconds: 60 } });

      // Two minutes on, messages flow again (that hit sweeps the rows of windows that are over)...
      clock.advance(2 * MINUTE);
      await expect(send('Three, again')).resolves.toMatchObject({ text: 'Three, again' });
      // ...while the account's sign-in counter still holds, 13 minutes from its end.
      expect(await failure(login(account.password))).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { retryAfterSeconds: 13 * 60 } });
    });
  });

  describe('the current password', () => {
    const rateLimits = { passwordCheck: { max: 3, windowMs: 15 * MINUTE } };
    const newPassword = 'a brand new secret';

    it('is refused after a few wrong tries, for the password change and the account deletion alike', async () => {
      const clock = testClock();
      const { browser: b, account, user } = await registered(db.prisma, { clock, rateLimits });
      const { browser: bystander, account: theirs } = await registered(db.prisma, { clock, rateLimits });
      const change = (who: typeof b, currentPassword: string) =>
        who.call((api) => api.user.changePassword({ currentPassword, newPassword }));

      await expect(change(b, 'wrong one')).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { field: 'currentPassword' } });
      await expect(b.call((api) => api.user.delete({ password: 'wrong one' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(change(b, 'wrong again')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      clock.advance(5 * MINUTE);
      // The right password too, whichever asks for it: the password is being guessed.
      expect(await failure(change(b, account.password))).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { retryAfterSeconds: 600 } });
      expect(await failure(b.call((api) => api.user.delete({ password: account.password })))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        cause: { retryAfterSeconds: 600 },
      });
      expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(1);

      // Another user's counter is their own.
      await expect(change(bystander, 'wrong one')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(change(bystander, theirs.password)).resolves.toEqual({ otherSessionsEnded: 0 });

      clock.advance(10 * MINUTE);
      await expect(change(b, account.password)).resolves.toEqual({ otherSessionsEnded: 0 });
    });

    it('forgets the wrong tries once the right password is given', async () => {
      const clock = testClock();
      const { browser: b, account } = await registered(db.prisma, { clock, rateLimits });
      const change = (currentPassword: string, next: string) =>
        b.call((api) => api.user.changePassword({ currentPassword, newPassword: next }));
      // Two wrong tries and a right one, three times over: never more than three uncleared.
      let password = account.password;
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 2; i++)
          await expect(change('wrong one', `${newPassword} ${round}`)).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(change(password, `${newPassword} ${round}`)).resolves.toEqual({ otherSessionsEnded: 0 });
        password = `${newPassword} ${round}`;
      }
      for (let i = 0; i < 2; i++)
        await expect(b.call((api) => api.user.delete({ password: 'wrong one' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(b.call((api) => api.user.delete({ password }))).resolves.toEqual({ deleted: true });
    });
  });
});
