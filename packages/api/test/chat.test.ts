import { randomUUID } from 'node:crypto';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserOptions,
  browser,
  type Caller,
  createPost,
  failure,
  fieldErrors,
  openStream,
  registered,
  type TestClock,
  testClock,
} from './helpers.js';

// Chat through the procedures, as two or three signed-in browsers use it: one chat per pair,
// who may see and do what, unread counts per side, pages, limits, a deleted account, and the
// event stream with its resumption, read back from the database.

const MINUTE = 60_000;

describe.each(testDbKinds())('chat on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  /** Two signed-in people on one clock, and the chat between them. */
  async function pair(options: BrowserOptions = {}) {
    const clock = options.clock ?? testClock();
    const a = await registered(db.prisma, { ...options, clock }, 'alice');
    const b = await registered(db.prisma, { ...options, clock }, 'bob');
    const chat = await a.browser.call((api) => api.chat.start({ userId: b.user.id }));
    return { a, b, chat, clock };
  }

  const send = (who: Browser, chatId: string, text: string) => who.call((api) => api.chat.send({ chatId, text }));
  const unread = (who: Browser) => who.call((api) => api.chat.unreadCount());
  const listItem = async (who: Browser, chatId: string) =>
    (await who.call((api) => api.chat.list())).items.find((item) => item.id === chatId);

  describe('chat.start', () => {
    it('gives two people one chat however it is started, even by many requests at once from both sides', async () => {
      const a = await registered(db.prisma, {}, 'alice');
      const b = await registered(db.prisma, {}, 'bob');
      const post = await createPost(db.prisma, b.user.id);
      const starts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          [
            () => a.browser.call((api) => api.chat.start({ userId: b.user.id })),
            () => b.browser.call((api) => api.chat.start({ userId: a.user.id })),
            () => a.browser.call((api) => api.chat.start({ postId: post.id })),
          ][i % 3]?.(),
        ),
      );
      const ids = new Set(starts.map((chat) => chat?.id));
      expect(ids.size).toBe(1);
      const chats = await db.prisma.chat.findMany({
        where: { AND: [{ members: { some: { userId: a.user.id } } }, { members: { some: { userId: b.user.id } } }] },
        select: { id: true, members: { select: { userId: true } } },
      });
      expect(chats).toHaveLength(1);
      expect(chats[0]?.members).toHaveLength(2);
    });

    it('answers with the chat as the list shows it: the other person by their public profile only', async () => {
      const { a, b, chat } = await pair();
      expect(chat).toEqual({
        id: expect.any(String),
        createdAt: expect.any(Date),
        post: null,
        otherUser: { id: b.user.id, username: b.user.username, avatar: null },
        otherDeleted: false,
        otherSeenAt: null,
        lastMessage: null,
        unreadCount: 0,
      });
      const post = await createPost(db.prisma, a.user.id, { title: 'Loft by the river', images: ['/images/demo/loft-1.svg'] });
      const c = await registered(db.prisma);
      const fromListing = await c.browser.call((api) => api.chat.start({ postId: post.id }));
      expect(fromListing).toMatchObject({
        post: { id: post.id, title: 'Loft by the river', image: '/images/demo/loft-1.svg' },
        otherUser: { id: a.user.id, username: a.user.username },
      });
      expect(JSON.stringify(fromListing)).not.toContain('@');
    });

    it('refuses a chat with oneself, with a missing user or listing, and an input naming neither or both', async () => {
      const a = await registered(db.prisma);
      const own = await createPost(db.prisma, a.user.id);
      const start = (input: { postId?: string; userId?: string }) => a.browser.call((api) => api.chat.start(input));
      expect(await failure(start({ userId: a.user.id }))).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'You cannot start a chat with yourself.',
      });
      expect(await failure(start({ postId: own.id }))).toMatchObject({ code: 'BAD_REQUEST', message: 'This is your own listing.' });
      expect(await failure(start({ userId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND', message: 'No such user.' });
      expect(await failure(start({ postId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await fieldErrors(start({}))).toEqual({ '': ['Start a chat from a listing or with a user'] });
      expect(await fieldErrors(start({ postId: own.id, userId: randomUUID() }))).toEqual({
        '': ['Start a chat from a listing or with a user'],
      });
      expect(await fieldErrors(start({ userId: 'someone' }))).toEqual({ userId: ['Not a user id'] });
      expect(await db.prisma.chatMember.count({ where: { userId: a.user.id } })).toBe(0);
      // Signed out: nothing at all.
      expect(await failure(browser(db.prisma).call((api) => api.chat.start({ userId: a.user.id })))).toMatchObject({
        code: 'UNAUTHORIZED',
      });
    });
  });

  describe('participants', () => {
    it('are the only ones who may read, send, mark read or follow a chat; a third person changes nothing', async () => {
      const { a, b, chat } = await pair();
      await send(a.browser, chat.id, 'Is the flat still available?');
      const { browser: stranger } = await registered(db.prisma, {}, 'eve');
      const snapshot = () =>
        Promise.all([
          db.prisma.message.findMany({ where: { chatId: chat.id }, orderBy: { id: 'asc' } }),
          db.prisma.chatMember.findMany({ where: { chatId: chat.id }, orderBy: { userId: 'asc' } }),
          db.prisma.chat.findUnique({ where: { id: chat.id } }),
          db.prisma.chatEvent.findMany({ where: { userId: { in: [a.user.id, b.user.id] } }, orderBy: { id: 'asc' } }),
        ]);
      const before = await snapshot();
      const forbidden = { code: 'FORBIDDEN', message: 'Only the people in a chat can see or use it.' };
      expect(await failure(stranger.call((api) => api.chat.messages({ chatId: chat.id })))).toMatchObject(forbidden);
      expect(await failure(stranger.call((api) => api.chat.byId({ chatId: chat.id })))).toMatchObject(forbidden);
      expect(await failure(send(stranger, chat.id, 'Hello from a stranger'))).toMatchObject(forbidden);
      expect(await failure(stranger.call((api) => api.chat.markRead({ chatId: chat.id })))).toMatchObject(forbidden);
      expect((await stranger.call((api) => api.chat.list())).items).toEqual([]);
      expect(await unread(stranger)).toEqual({ count: 0 });
      expect(await snapshot()).toEqual(before);

      // A chat that does not exist: NOT_FOUND for everyone.
      const missing = randomUUID();
      const calls: Array<(api: Caller) => Promise<unknown>> = [
        (api) => api.chat.messages({ chatId: missing }),
        (api) => api.chat.byId({ chatId: missing }),
        (api) => api.chat.send({ chatId: missing, text: 'Hello?' }),
        (api) => api.chat.markRead({ chatId: missing }),
      ];
      for (const call of calls) {
        expect(await failure(a.browser.call(call))).toMatchObject({ code: 'NOT_FOUND' });
      }
      // Signed out: UNAUTHORIZED, for the stream too.
      const anonymous = browser(db.prisma);
      expect(await failure(anonymous.call((api) => api.chat.list()))).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await failure(anonymous.call((api) => api.chat.events()))).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  describe('unread', () => {
    it('is counted for each side on its own, and marking read changes only the reader', async () => {
      const { a, b, chat, clock } = await pair();
      await send(a.browser, chat.id, 'Hello Bob');
      clock.advance(1000);
      await send(a.browser, chat.id, 'Are you there?');
      expect(await unread(b.browser)).toEqual({ count: 1 });
      expect(await unread(a.browser)).toEqual({ count: 0 });
      expect(await listItem(b.browser, chat.id)).toMatchObject({
        unreadCount: 2,
        lastMessage: { text: 'Are you there?', senderId: a.user.id },
        otherSeenAt: expect.any(Date),
      });
      expect(await listItem(a.browser, chat.id)).toMatchObject({ unreadCount: 0, otherSeenAt: null });

      // Reading the messages changes nothing for anyone.
      const members = () => db.prisma.chatMember.findMany({ where: { chatId: chat.id }, orderBy: { userId: 'asc' } });
      const before = await members();
      await b.browser.call((api) => api.chat.messages({ chatId: chat.id }));
      await a.browser.call((api) => api.chat.messages({ chatId: chat.id }));
      expect(await members()).toEqual(before);
      expect(await unread(b.browser)).toEqual({ count: 1 });

      const aliceSeen = before.find((member) => member.userId === a.user.id)?.seenAt;
      clock.advance(1000);
      const { seenAt } = await b.browser.call((api) => api.chat.markRead({ chatId: chat.id }));
      expect(seenAt).toEqual(clock.now());
      expect(await unread(b.browser)).toEqual({ count: 0 });
      expect(await listItem(b.browser, chat.id)).toMatchObject({ unreadCount: 0 });
      // Alice's own position is untouched; she sees how far Bob has read.
      expect((await members()).find((member) => member.userId === a.user.id)?.seenAt).toEqual(aliceSeen);
      expect(await listItem(a.browser, chat.id)).toMatchObject({ otherSeenAt: clock.now() });

      // Bob's reply is unread for Alice only; his own messages never count for him.
      await send(b.browser, chat.id, 'Yes, still available');
      expect(await unread(a.browser)).toEqual({ count: 1 });
      expect(await unread(b.browser)).toEqual({ count: 0 });
      expect(await listItem(a.browser, chat.id)).toMatchObject({ unreadCount: 1 });
    });

    it('counts chats, not messages, and a message sent in the same millisecond as a read is still unread', async () => {
      const clock = testClock();
      const { a, b, chat } = await pair({ clock });
      const c = await registered(db.prisma, { clock }, 'carol');
      const other = await c.browser.call((api) => api.chat.start({ userId: b.user.id }));
      await send(a.browser, chat.id, 'One');
      await send(a.browser, chat.id, 'Two');
      await send(c.browser, other.id, 'Three');
      expect(await unread(b.browser)).toEqual({ count: 2 });

      // The clock stands still: the read and the next message share a millisecond.
      await b.browser.call((api) => api.chat.markRead({ chatId: chat.id }));
      expect(await unread(b.browser)).toEqual({ count: 1 });
      await send(a.browser, chat.id, 'Four');
      expect(await unread(b.browser)).toEqual({ count: 2 });
      expect(await listItem(b.browser, chat.id)).toMatchObject({ unreadCount: 1 });
    });
  });

  describe('messages', () => {
    it('come newest first, a page at a time, in the order they were sent even within one millisecond', async () => {
      const { a, b, chat } = await pair();
      const texts = ['first', 'second', 'third', 'fourth', 'fifth'];
      for (const [i, text] of texts.entries()) await send(i % 2 ? b.browser : a.browser, chat.id, text);
      const page = (cursor?: string) =>
        b.browser.call((api) => api.chat.messages({ chatId: chat.id, limit: 2, ...(cursor && { cursor }) }));

      const first = await page();
      expect(first.items.map((message) => message.text)).toEqual(['fifth', 'fourth']);
      expect(first.items[0]).toEqual({ id: expect.any(String), text: 'fifth', senderId: a.user.id, createdAt: expect.any(Date) });
      const second = await page(first.nextCursor ?? undefined);
      expect(second.items.map((message) => message.text)).toEqual(['third', 'second']);
      const third = await page(second.nextCursor ?? undefined);
      expect(third.items.map((message) => message.text)).toEqual(['first']);
      expect(third.nextCursor).toBeNull();
      // Strictly increasing times although the clock never moved.
      const times = [...first.items, ...second.items, ...third.items].map((message) => message.createdAt.getTime()).reverse();
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(new Set(times).size).toBe(5);

      expect(await fieldErrors(b.browser.call((api) => api.chat.messages({ chatId: chat.id, cursor: 'garbage' })))).toEqual({
        cursor: ['Invalid cursor: pass back the nextCursor of a previous page'],
      });
    });

    it('lists my chats by last activity, a page at a time', async () => {
      const clock = testClock();
      const me = await registered(db.prisma, { clock }, 'hub');
      const others = await Promise.all([1, 2, 3].map(() => registered(db.prisma, { clock }, 'peer')));
      const chats = [];
      for (const other of others) {
        chats.push(await me.browser.call((api) => api.chat.start({ userId: other.user.id })));
        clock.advance(1000);
      }
      // The oldest chat gets the newest message.
      await send(others[0]?.browser as Browser, chats[0]?.id as string, 'Back to you');
      const page = (cursor?: string) => me.browser.call((api) => api.chat.list({ limit: 2, ...(cursor && { cursor }) }));
      const first = await page();
      expect(first.items.map((item) => item.id)).toEqual([chats[0]?.id, chats[2]?.id]);
      const second = await page(first.nextCursor ?? undefined);
      expect(second.items.map((item) => item.id)).toEqual([chats[1]?.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('are plain text of 1 to 2000 characters, trimmed, with messages for each mistake', async () => {
      const { a, chat } = await pair();
      const errors = (text: string) => fieldErrors(send(a.browser, chat.id, text));
      expect(await errors('')).toEqual({ text: ['Write a message'] });
      expect(await errors(' \n\t ')).toEqual({ text: ['Write a message'] });
      expect(await errors('x'.repeat(2001))).toEqual({ text: ['At most 2000 characters'] });
      expect(await errors('<b></b>')).toEqual({ text: ['Write a message'] });
      expect(await db.prisma.message.count({ where: { chatId: chat.id } })).toBe(0);

      expect(await send(a.browser, chat.id, `  ${'x'.repeat(2000)}  `)).toMatchObject({ text: 'x'.repeat(2000) });
      expect(await send(a.browser, chat.id, '<script>alert(1)</script>See you at <b>5</b>\nBye <3')).toMatchObject({
        text: 'alert(1)See you at 5\nBye <3',
      });
    });

    it('are limited per sender, with the wait to retry', async () => {
      const rateLimits = { messages: { max: 3, windowMs: MINUTE } };
      const { a, b, chat, clock } = await pair({ rateLimits });
      for (let i = 0; i < 3; i++) await send(a.browser, chat.id, `Message ${i}`);
      clock.advance(20_000);
      expect(await failure(send(a.browser, chat.id, 'One too many'))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many attempts. Try again in 40 seconds.',
        cause: { retryAfterSeconds: 40 },
      });
      expect(await db.prisma.message.count({ where: { chatId: chat.id } })).toBe(3);
      // The other person's allowance is their own.
      await send(b.browser, chat.id, 'I can still answer');
      clock.advance(40_000);
      await send(a.browser, chat.id, 'And now me again');
      expect(await db.prisma.message.count({ where: { chatId: chat.id } })).toBe(5);
    });

    it('stay readable when the other person deletes their account, but can no longer be answered', async () => {
      const { a, b, chat } = await pair();
      await send(a.browser, chat.id, 'Hello');
      await send(b.browser, chat.id, 'Hi, goodbye');
      await b.browser.call((api) => api.user.delete({ password: b.account.password }));

      expect(await listItem(a.browser, chat.id)).toMatchObject({
        otherUser: null,
        otherDeleted: true,
        lastMessage: { text: 'Hi, goodbye', senderId: null },
        unreadCount: 1,
      });
      const { items } = await a.browser.call((api) => api.chat.messages({ chatId: chat.id }));
      expect(items.map((message) => [message.text, message.senderId])).toEqual([
        ['Hi, goodbye', null],
        ['Hello', a.user.id],
      ]);
      expect(await failure(send(a.browser, chat.id, 'Are you there?'))).toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'The other person has deleted their account: this chat can be read but no longer answered.',
      });
      await a.browser.call((api) => api.chat.markRead({ chatId: chat.id }));
      expect(await unread(a.browser)).toEqual({ count: 0 });
      // Starting it again is not possible either: the account is gone.
      expect(await failure(a.browser.call((api) => api.chat.start({ userId: b.user.id })))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('chat.events', () => {
    it('delivers new messages, read receipts and unread counts to each member as they happen, and nothing to others', async () => {
      const { a, b, chat } = await pair();
      const { browser: stranger } = await registered(db.prisma, {}, 'eve');
      const [bob, alice, eve] = await Promise.all([openStream(b.browser), openStream(a.browser), openStream(stranger)]);
      try {
        // A new stream starts with the current unread count, carrying the latest event id.
        expect((await bob.take(1))[0]?.data).toEqual({ kind: 'unread', count: 0 });
        await alice.take(1);
        await eve.take(1);

        const sent = await send(a.browser, chat.id, 'Hello Bob');
        const message = { kind: 'message', chatId: chat.id, message: sent };
        expect((await bob.take(2)).map((event) => event.data)).toEqual([message, { kind: 'unread', count: 1 }]);
        expect((await alice.take(1)).map((event) => event.data)).toEqual([message]);

        const { seenAt } = await b.browser.call((api) => api.chat.markRead({ chatId: chat.id }));
        const receipt = { kind: 'read', chatId: chat.id, userId: b.user.id, seenAt };
        expect((await alice.take(1)).map((event) => event.data)).toEqual([receipt]);
        expect((await bob.take(2)).map((event) => event.data)).toEqual([receipt, { kind: 'unread', count: 0 }]);
        // Marking read again with nothing new is no news.
        await b.browser.call((api) => api.chat.markRead({ chatId: chat.id }));
        expect(await bob.next(300)).toBe('timeout');
        expect(await eve.next(100)).toBe('timeout');
      } finally {
        for (const stream of [bob, alice, eve]) stream.close();
      }
    });

    it('resumes from lastEventId with exactly the events after it, read from the database', async () => {
      const { a, b, chat, clock } = await pair();
      const bob = await openStream(b.browser);
      const [start] = await bob.take(1);
      await send(a.browser, chat.id, 'One');
      const [received] = await bob.take(1);
      bob.close(); // Bob goes offline after the first message

      for (const text of ['Two', 'Three']) {
        clock.advance(1000);
        await send(a.browser, chat.id, text);
      }
      await b.browser.call((api) => api.chat.markRead({ chatId: chat.id }));

      const stored = await db.prisma.chatEvent.findMany({
        where: { userId: b.user.id, id: { gt: BigInt(received?.id ?? '') } },
        orderBy: { id: 'asc' },
      });
      // The rest of One's events, Two's and Three's (message, unread) and the read's (receipt, unread).
      expect(stored.map((event) => event.kind)).toEqual(['unread', 'message', 'unread', 'message', 'unread', 'read', 'unread']);
      const resumed = await openStream(b.browser, received?.id);
      try {
        const events = await resumed.take(stored.length);
        expect(events.map((event) => event.id)).toEqual(stored.map((event) => String(event.id)));
        expect(events.map((event) => event.data.kind)).toEqual(stored.map((event) => event.kind));
        expect(
          events.filter((event) => event.data.kind === 'message').map((event) => event.data.kind === 'message' && event.data.message.text),
        ).toEqual(['Two', 'Three']);
        expect(await resumed.next(300)).toBe('timeout');
      } finally {
        resumed.close();
      }

      // From the start, everything; another user's id never shows them Bob's events.
      const everything = await openStream(b.browser, start?.id);
      const { browser: stranger } = await registered(db.prisma, {}, 'eve');
      const theirs = await openStream(stranger, start?.id);
      try {
        expect((await everything.take(stored.length + 1)).map((event) => event.id)).toEqual([
          received?.id,
          ...stored.map((event) => String(event.id)),
        ]);
        expect(await theirs.next(300)).toBe('timeout');
      } finally {
        everything.close();
        theirs.close();
      }
    });

    it('numbers one recipient’s events in commit order when many people write to them at once', async () => {
      const clock = testClock();
      const me = await registered(db.prisma, { clock }, 'popular');
      const senders = await Promise.all(Array.from({ length: 8 }, () => registered(db.prisma, { clock }, 'fan')));
      const chats = await Promise.all(senders.map((s) => s.browser.call((api) => api.chat.start({ userId: me.user.id }))));
      const stream = await openStream(me.browser);
      try {
        await stream.take(1);
        await Promise.all(senders.map((s, i) => send(s.browser, chats[i]?.id as string, `Hello from ${i}`)));
        // Each send: the message and the new unread count, nothing lost or repeated, ids increasing.
        const events = await stream.take(16);
        const ids = events.map((event) => BigInt(event.id));
        expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
        expect(new Set(events.map((event) => event.data.kind === 'message' && event.data.message.text)).size).toBe(9);
        const counts = events.flatMap((event) => (event.data.kind === 'unread' ? [event.data.count] : []));
        expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(await stream.next(300)).toBe('timeout');
      } finally {
        stream.close();
      }
    });

    it('ends when its session does, at the next wake-up', async () => {
      const { a, b, chat } = await pair();
      const bobElsewhere = browser(db.prisma);
      bobElsewhere.cookie = b.browser.cookie; // the same session on another page
      const stream = await openStream(bobElsewhere);
      await stream.take(1);
      await b.browser.call((api) => api.auth.logout());
      await expect(stream.next(5000)).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
        message: 'Your session has ended. Please sign in again.',
      });
      // Nothing is delivered to it afterwards.
      await send(a.browser, chat.id, 'Still there?');
      expect(await stream.next(300)).toBe('done');
    });

    it('refuses a lastEventId that is not one', async () => {
      const { b } = await pair();
      expect(await fieldErrors(b.browser.call((api) => api.chat.events({ lastEventId: '12abc' })))).toEqual({
        lastEventId: ['Not an event id'],
      });
    });

    it('are kept a week: older ones are deleted as new ones are written', async () => {
      const clock: TestClock = testClock();
      const { a, chat } = await pair({ clock });
      await send(a.browser, chat.id, 'Old news');
      const old = await db.prisma.chatEvent.count({ where: { payload: { path: ['message', 'text'], equals: 'Old news' } } });
      expect(old).toBe(2);
      clock.advance(8 * 24 * 60 * MINUTE);
      await send(a.browser, chat.id, 'Fresh news');
      expect(await db.prisma.chatEvent.count({ where: { payload: { path: ['message', 'text'], equals: 'Old news' } } })).toBe(0);
      expect(await db.prisma.chatEvent.count({ where: { payload: { path: ['message', 'text'], equals: 'Fresh news' } } })).toBe(2);
    });
  });
});
