import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createPost, fieldErrors, newAccount, registered } from './helpers.js';

describe.each(testDbKinds())('profiles and account changes on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  it('requires a signed-in user for every account change', async () => {
    const anonymous = browser(db.prisma);
    await expect(anonymous.call((api) => api.user.update({ username: 'someone' }))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anonymous.call((api) => api.user.changePassword({ currentPassword: 'a', newPassword: 'long enough' })),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.call((api) => api.user.delete({ password: 'whatever' }))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await anonymous.call((api) => api.auth.me())).toBeNull();
  });

  describe('user.update', () => {
    it('changes username, email and avatar of the signed-in user only', async () => {
      const { browser: b, user } = await registered(db.prisma);
      const { user: bystander } = await registered(db.prisma);
      const next = newAccount('renamed');
      const updated = await b.call((api) =>
        api.user.update({ username: next.username, email: next.email.toUpperCase(), avatar: '/images/demo/avatar-1.svg' }),
      );
      expect(updated).toMatchObject({ id: user.id, username: next.username, email: next.email, avatar: '/images/demo/avatar-1.svg' });
      expect(await b.call((api) => api.auth.me())).toMatchObject({ username: next.username });
      expect(await db.prisma.user.findUniqueOrThrow({ where: { id: bystander.id }, select: { username: true, email: true } })).toEqual({
        username: bystander.username,
        email: bystander.email,
      });
      expect(await b.call((api) => api.user.update({ avatar: null }))).toMatchObject({ avatar: null });
    });

    it('accepts no other field, so no caller can write any other column', async () => {
      const { browser: b, user } = await registered(db.prisma);
      const before = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      for (const sneaky of [
        { passwordHash: 'x' },
        { id: '01900000-0000-7000-8000-000000000000' },
        { createdAt: new Date(0) },
        { username: 'fine_name', isAdmin: true },
      ]) {
        // Fields the procedure does not accept, sent as a hand-written request could.
        await expect(b.call((api) => api.user.update(sneaky as never))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      await expect(b.call((api) => api.user.update({}))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/Change at least one field/),
      });
      expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    });

    it('validates each field and refuses taken names with CONFLICT', async () => {
      const { browser: b } = await registered(db.prisma);
      const { account: other } = await registered(db.prisma);
      expect(await fieldErrors(b.call((api) => api.user.update({ email: 'nope', username: 'x', avatar: 'javascript:alert(1)' })))).toEqual({
        email: ['Enter a valid email address'],
        username: ['At least 3 characters'],
        avatar: ['Use a photo uploaded to Estate'],
      });
      await expect(b.call((api) => api.user.update({ email: other.email }))).rejects.toMatchObject({
        code: 'CONFLICT',
        cause: { field: 'email' },
      });
      await expect(b.call((api) => api.user.update({ username: other.username.toUpperCase() }))).rejects.toMatchObject({
        code: 'CONFLICT',
        cause: { field: 'username' },
      });
    });
  });

  describe('user.changePassword', () => {
    it('needs the current password, then ends every other session of the user', async () => {
      const { browser: laptop, account, user } = await registered(db.prisma);
      const phone = browser(db.prisma);
      await phone.call((api) => api.auth.login({ identifier: account.email, password: account.password }));
      const { browser: stranger } = await registered(db.prisma);

      await expect(
        laptop.call((api) => api.user.changePassword({ currentPassword: 'wrong one', newPassword: 'a brand new secret' })),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
        cause: { field: 'currentPassword' },
      });
      await expect(
        laptop.call((api) => api.user.changePassword({ currentPassword: account.password, newPassword: account.username })),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { field: 'newPassword' },
      });
      expect(
        await laptop.call((api) => api.user.changePassword({ currentPassword: account.password, newPassword: 'a brand new secret' })),
      ).toEqual({ otherSessionsEnded: 1 });

      expect(await laptop.call((api) => api.auth.me())).toMatchObject({ id: user.id });
      expect(await phone.call((api) => api.auth.me())).toBeNull();
      expect(await stranger.call((api) => api.auth.me())).not.toBeNull();
      await expect(
        browser(db.prisma).call((api) => api.auth.login({ identifier: account.email, password: account.password })),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(
        browser(db.prisma).call((api) => api.auth.login({ identifier: account.email, password: 'a brand new secret' })),
      ).resolves.toMatchObject({ id: user.id });
    });
  });

  describe('user.delete', () => {
    it('needs the password, then removes the account and what belongs to it', async () => {
      const { browser: b, account, user } = await registered(db.prisma);
      const { user: other, browser: otherBrowser } = await registered(db.prisma);
      const own = await createPost(db.prisma, user.id, { postDetail: { create: { desc: 'mine' } } });
      const theirs = await createPost(db.prisma, other.id);
      await db.prisma.savedPost.create({ data: { userId: user.id, postId: theirs.id } });
      await db.prisma.savedPost.create({ data: { userId: other.id, postId: own.id } });
      // A chat with someone who stays, and one about nothing with nobody else left.
      const shared = await db.prisma.chat.create({
        data: {
          postId: theirs.id,
          members: { create: [{ userId: user.id }, { userId: other.id }] },
          messages: {
            create: [
              { text: 'Is it free?', senderId: user.id, createdAt: new Date('2026-03-01T10:00:00Z') },
              { text: 'Yes', senderId: other.id, createdAt: new Date('2026-03-01T10:05:00Z') },
            ],
          },
        },
      });
      const lonely = await db.prisma.chat.create({ data: { members: { create: [{ userId: user.id }] } } });

      await expect(b.call((api) => api.user.delete({ password: 'not it' }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        cause: { field: 'password' },
      });
      expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(1);

      expect(await b.call((api) => api.user.delete({ password: account.password }))).toEqual({ deleted: true });
      expect(b.setCookies[0]).toMatch(/Max-Age=0/);
      expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(0);
      expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.prisma.post.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.prisma.postDetail.count({ where: { postId: own.id } })).toBe(0);
      expect(await db.prisma.savedPost.count({ where: { OR: [{ userId: user.id }, { postId: own.id }] } })).toBe(0);
      // The other person keeps the conversation; the deleted user's messages have no sender.
      const kept = await db.prisma.chat.findUniqueOrThrow({
        where: { id: shared.id },
        include: { members: true, messages: { orderBy: { createdAt: 'asc' } } },
      });
      expect(kept.members.map((member) => member.userId)).toEqual([other.id]);
      expect(kept.messages.map((message) => [message.text, message.senderId])).toEqual([
        ['Is it free?', null],
        ['Yes', other.id],
      ]);
      expect(await db.prisma.chat.count({ where: { id: lonely.id } })).toBe(0);
      // Everyone else is untouched.
      expect(await otherBrowser.call((api) => api.auth.me())).toMatchObject({ id: other.id });
      expect(await db.prisma.post.count({ where: { id: theirs.id } })).toBe(1);
    });
  });

  describe('user.byUsername', () => {
    it('shows the public profile and listings, never the email', async () => {
      const { user } = await registered(db.prisma);
      await createPost(db.prisma, user.id, { title: 'First', createdAt: new Date('2026-01-01') });
      await createPost(db.prisma, user.id, { title: 'Second', createdAt: new Date('2026-02-01') });
      const profile = await browser(db.prisma).call((api) => api.user.byUsername({ username: user.username }));
      expect(profile).toMatchObject({ username: user.username, avatar: null, postCount: 2 });
      expect(profile.createdAt).toEqual(user.createdAt);
      const listings = await browser(db.prisma).call((api) => api.post.byUser({ username: user.username }));
      expect(listings.items.map((post) => post.title)).toEqual(['Second', 'First']);
      expect(JSON.stringify(profile)).not.toContain(user.email);
      await expect(browser(db.prisma).call((api) => api.user.byUsername({ username: 'no_such_person' }))).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
});
