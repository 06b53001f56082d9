import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/index.js';
import { type Browser, browser, createPost, type HttpResponse, newAccount, registered } from './helpers.js';

// Every procedure is called over HTTP as a client calls it, once so that it succeeds and once
// so that it fails (the list must name them all, so a new procedure cannot be forgotten).
// Every response, body and headers, errors as the error formatter shaped them, is then
// searched for every secret the test came across: each session token a cookie carried,
// each token hash and password hash the database held, each password, and each email but
// the caller's own. A value is searched for, whatever key or message it would hide under.

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const labelled = (kind: string, values: Iterable<string>) => Array.from(values, (value) => ({ kind, value }));

describe.each(testDbKinds())('no procedure reveals secrets on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  it('searches every response and every error for every secret', async () => {
    const browsers: Browser[] = [];
    const open = (options: Parameters<typeof browser>[1] = {}) => {
      const b = browser(db.prisma, options);
      browsers.push(b);
      return b;
    };
    const me = await registered(db.prisma, {}, 'me');
    const other = await registered(db.prisma, {}, 'other');
    browsers.push(me.browser, other.browser);
    const theirPost = await createPost(db.prisma, other.user.id, { postDetail: { create: { desc: 'Nice' } } });
    const fresh = newAccount('fresh');
    const changedPassword = 'another fine secret';
    const passwords = [me.account.password, other.account.password, fresh.password, changedPassword];
    const listing = {
      title: 'Bright family house',
      price: 420_000,
      images: ['/images/demo/house-1.svg'],
      address: '2 Oak Ave',
      city: 'Denver',
      bedroom: 3,
      bathroom: 2,
      latitude: 39.74,
      longitude: -104.99,
      type: 'buy',
      property: 'house',
      detail: { desc: 'Near the park' },
    };

    /** Secrets as the database holds them now; called after every request, so none created meanwhile is missed. */
    const stored = { tokenHashes: new Set<string>(), passwordHashes: new Set<string>(), emails: new Set<string>() };
    async function collectStored() {
      for (const { tokenHash } of await db.prisma.session.findMany({ select: { tokenHash: true } })) stored.tokenHashes.add(tokenHash);
      for (const user of await db.prisma.user.findMany({ select: { email: true, passwordHash: true } })) {
        stored.emails.add(user.email);
        stored.passwordHashes.add(user.passwordHash);
      }
    }
    /** The email of the account signed in on this browser, if any. */
    async function signedInEmail(b: Browser): Promise<string | null> {
      const token = /estate_session=([^;]+)/.exec(b.cookie)?.[1];
      if (!token) return null;
      const session = await db.prisma.session.findUnique({
        where: { tokenHash: sha256(token) },
        select: { user: { select: { email: true } } },
      });
      return session?.user.email ?? null;
    }

    interface Sent {
      procedure: string;
      response: HttpResponse;
      /** The caller's own values: its email before and after the call, and what it sent. */
      own: string;
    }
    const sent: Sent[] = [];
    async function send(b: Browser, procedure: string, input?: unknown, method?: 'GET' | 'POST', signal?: AbortSignal) {
      const before = await signedInEmail(b);
      const response = await b.http(procedure, input, method, signal);
      sent.push({ procedure, response, own: [before, await signedInEmail(b), JSON.stringify(input ?? null)].join('\n') });
      await collectStored();
      return response;
    }
    const result = <T>(response: HttpResponse) => superjson.deserialize<T>(JSON.parse(response.text).result.data);
    /** The error of a response: its JSON body, or an event stream's `serialized-error` event. */
    const errorOf = (response: HttpResponse) => {
      const event = /^event: serialized-error\ndata: (.*)$/m.exec(response.text)?.[1];
      return event === undefined ? JSON.parse(response.text) : { error: JSON.parse(event) };
    };

    type Step = (procedure: string) => Promise<HttpResponse>;
    const evil = open({ origin: 'https://evil.example' });
    let mine = '';
    let chatId = '';
    let searchId = '';
    // In order: the last ones sign out and delete. Each: [succeeds, fails with this code, fails].
    const calls: Record<string, [Step, string, Step]> = {
      'health.check': [(p) => send(me.browser, p), 'METHOD_NOT_SUPPORTED', (p) => send(me.browser, p, undefined, 'POST')],
      'auth.me': [(p) => send(me.browser, p), 'METHOD_NOT_SUPPORTED', (p) => send(me.browser, p, undefined, 'POST')],
      'post.search': [(p) => send(me.browser, p, {}), 'BAD_REQUEST', (p) => send(me.browser, p, { minPrice: 9, maxPrice: 1 })],
      'post.cities': [(p) => send(me.browser, p, { prefix: '' }), 'BAD_REQUEST', (p) => send(me.browser, p, { prefix: 'x'.repeat(101) })],
      'post.mapClusters': [
        (p) => send(me.browser, p, { bounds: { south: -90, north: 90, west: -180, east: 180 }, zoom: 2 }),
        'BAD_REQUEST',
        (p) => send(me.browser, p, { bounds: { south: 1, north: 0, west: 0, east: 1 }, zoom: 2 }),
      ],
      'post.byId': [(p) => send(me.browser, p, { id: theirPost.id }), 'NOT_FOUND', (p) => send(me.browser, p, { id: randomUUID() })],
      'post.byUser': [
        (p) => send(me.browser, p, { username: other.user.username }),
        'NOT_FOUND',
        (p) => send(me.browser, p, { username: 'nobody_at_all' }),
      ],
      'user.byUsername': [
        (p) => send(me.browser, p, { username: other.user.username }),
        'NOT_FOUND',
        (p) => send(me.browser, p, { username: 'nobody_at_all' }),
      ],
      // Other's search of my city: my listings alert them, and their alerts name my listing.
      'savedSearch.create': [
        async (p) => {
          const response = await send(other.browser, p, { filters: { city: listing.city } });
          searchId = result<{ id: string }>(response).id;
          return response;
        },
        'BAD_REQUEST',
        (p) => send(other.browser, p, { filters: { minBedrooms: -1 } }),
      ],
      'savedSearch.list': [(p) => send(other.browser, p), 'UNAUTHORIZED', (p) => send(open(), p)],
      'savedSearch.open': [(p) => send(other.browser, p, { id: searchId }), 'NOT_FOUND', (p) => send(me.browser, p, { id: searchId })],
      'savedSearch.rename': [
        (p) => send(other.browser, p, { id: searchId, name: 'Homes near me' }),
        'NOT_FOUND',
        (p) => send(me.browser, p, { id: searchId, name: 'Mine now' }),
      ],
      'post.create': [
        async (p) => {
          const response = await send(me.browser, p, listing);
          mine = result<{ id: string }>(response).id;
          return response;
        },
        'BAD_REQUEST',
        (p) => send(me.browser, p, { ...listing, images: ['/images/demo/house-999.svg'] }),
      ],
      'post.update': [
        (p) => send(me.browser, p, { id: mine, price: 410_000 }),
        'FORBIDDEN',
        (p) => send(me.browser, p, { id: theirPost.id, price: 1 }),
      ],
      'post.mine': [(p) => send(me.browser, p, {}), 'BAD_REQUEST', (p) => send(me.browser, p, { cursor: 'not a cursor' })],
      'savedPost.toggle': [
        (p) => send(me.browser, p, { postId: theirPost.id }),
        'NOT_FOUND',
        (p) => send(me.browser, p, { postId: randomUUID() }),
      ],
      'savedPost.list': [(p) => send(me.browser, p, {}), 'BAD_REQUEST', (p) => send(me.browser, p, { limit: 0 })],
      'chat.start': [
        async (p) => {
          const response = await send(me.browser, p, { postId: theirPost.id });
          chatId = result<{ id: string }>(response).id;
          return response;
        },
        'NOT_FOUND',
        (p) => send(me.browser, p, { userId: randomUUID() }),
      ],
      'chat.send': [
        (p) => send(me.browser, p, { chatId, text: 'Is it still available?' }),
        'BAD_REQUEST',
        (p) => send(me.browser, p, { chatId, text: ' ' }),
      ],
      'chat.list': [(p) => send(other.browser, p, {}), 'BAD_REQUEST', (p) => send(other.browser, p, { cursor: 'not a cursor' })],
      'chat.byId': [(p) => send(other.browser, p, { chatId }), 'NOT_FOUND', (p) => send(other.browser, p, { chatId: randomUUID() })],
      'chat.messages': [(p) => send(other.browser, p, { chatId }), 'NOT_FOUND', (p) => send(other.browser, p, { chatId: randomUUID() })],
      'chat.markRead': [(p) => send(other.browser, p, { chatId }), 'UNAUTHORIZED', (p) => send(open(), p, { chatId })],
      'chat.unreadCount': [(p) => send(other.browser, p), 'UNAUTHORIZED', (p) => send(open(), p)],
      // The stream from its first event, for half a second.
      'chat.events': [
        async (p) => {
          const response = await send(other.browser, p, { lastEventId: '0' }, 'GET', AbortSignal.timeout(500));
          expect(response.text).toContain('Is it still available?');
          expect(response.text).toContain('"kind":"alert"');
          return response;
        },
        'UNAUTHORIZED',
        (p) => send(open(), p),
      ],
      'post.delete': [(p) => send(me.browser, p, { id: mine }), 'FORBIDDEN', (p) => send(me.browser, p, { id: theirPost.id })],
      'savedSearch.delete': [(p) => send(other.browser, p, { id: searchId }), 'NOT_FOUND', (p) => send(me.browser, p, { id: searchId })],
      // A taken username: the conflict check reads the other account's email.
      'user.update': [
        (p) => send(me.browser, p, { avatar: '/images/demo/avatar-2.svg' }),
        'CONFLICT',
        (p) => send(me.browser, p, { username: other.user.username }),
      ],
      'auth.login': [
        (p) => send(me.browser, p, { identifier: me.account.email, password: me.account.password }),
        'UNAUTHORIZED',
        (p) => send(open(), p, { identifier: other.user.username, password: 'not their password' }),
      ],
      'user.changePassword': [
        (p) => send(me.browser, p, { currentPassword: me.account.password, newPassword: changedPassword }),
        'FORBIDDEN',
        (p) => send(me.browser, p, { currentPassword: 'not my password', newPassword: 'yet another secret' }),
      ],
      'auth.register': [
        (p) => send(open(), p, fresh),
        'CONFLICT',
        (p) => send(open(), p, { ...newAccount(), username: other.user.username }),
      ],
      'auth.logout': [
        (p) => send(me.browser, p),
        'FORBIDDEN',
        (p) => {
          evil.cookie = me.browser.cookie; // a cross-site request riding on the cookie
          return send(evil, p);
        },
      ],
      'user.delete': [
        async (p) => {
          const b = open();
          await send(b, 'auth.login', { identifier: fresh.email, password: fresh.password });
          return send(b, p, { password: fresh.password });
        },
        'FORBIDDEN',
        (p) => send(other.browser, p, { password: 'not my password' }),
      ],
    };
    expect(Object.keys(calls).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());

    await collectStored();
    for (const [procedure, [succeed, code, fail]] of Object.entries(calls)) {
      const failed = await fail(procedure);
      expect(errorOf(failed), `${procedure} fails`).toMatchObject({ error: { json: { data: { code } } } });
      const succeeded = await succeed(procedure);
      expect(succeeded.status, `${procedure} succeeds: ${succeeded.text}`).toBe(200);
    }

    const tokens = browsers
      .flatMap((b) => b.receivedCookies)
      .map((cookie) => /^estate_session=([^;]+)/.exec(cookie)?.[1])
      .filter((token): token is string => token !== undefined);
    const secrets = [
      ...labelled('a session token', tokens),
      ...labelled('a session token hash', new Set([...tokens.map(sha256), ...stored.tokenHashes])),
      ...labelled('a password hash', stored.passwordHashes),
      ...labelled('a password', passwords),
      ...labelled('an email', stored.emails),
    ];
    // The collection itself must have worked: the sessions of me, other, fresh and the logins, every account.
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(stored.passwordHashes.size).toBe(4); // me's before and after the change
    expect(stored.emails.size).toBe(3);

    const found = sent.flatMap(({ procedure, response, own }) => {
      // Cookies carry the caller's own token by design; every other header and the body are searched.
      const headers = [...response.headers].filter(([name]) => name !== 'set-cookie').flat();
      const text = [response.text, ...headers].join('\n');
      return secrets.filter(({ value }) => !own.includes(value) && text.includes(value)).map(({ kind }) => `${procedure}: ${kind}`);
    });
    expect(found).toEqual([]);
  });
});
