import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEMO_EMAIL, DEMO_PASSWORD } from '@estate/db';
import { testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeProcedures, procedureReference, referencePath } from '../scripts/reference.js';
import { createEstateClient, type EstateClient, isEstateError } from '../src/index.js';
import { type RunningServer, startServer } from './server.js';

test('docs/procedures.md is the reference the router gives now', () => {
  const committed = readFileSync(referencePath, 'utf8');
  expect(committed === procedureReference(), 'docs/procedures.md is out of date: run `pnpm docs:procedures` and commit it').toBe(true);
});

test('lists every procedure, and the signed-in ones as such', () => {
  const procedures = new Map(describeProcedures().map((p) => [p.path, p]));
  expect(procedures.size).toBeGreaterThan(30);
  expect(procedures.get('post.search')).toMatchObject({ type: 'query', access: 'anyone' });
  expect(procedures.get('post.update')).toMatchObject({ type: 'mutation', access: "signed-in users: the listing's lister" });
  expect(procedures.get('chat.events')?.errors.map((e) => e.code)).toEqual(['BAD_REQUEST', 'UNAUTHORIZED']);
});

const declared = new Map(describeProcedures().map((p) => [p.path, p.errors.map((e) => e.code)]));

/** The error code a call fails with. */
async function refusal(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
  } catch (error) {
    if (isEstateError(error)) return error.data?.code;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe.each(testDbKinds())('the errors it lists are those the server answers (%s)', (kind) => {
  let server: RunningServer;
  let visitor: EstateClient;
  let alice: EstateClient;
  let aliceId: string;
  let demoChatId: string;
  let demoListingId: string;
  beforeAll(async () => {
    server = await startServer(kind);
    visitor = createEstateClient({ url: server.url });
    alice = createEstateClient({ url: server.url });
    aliceId = (await alice.api.auth.register.mutate({ email: 'alice@example.com', username: 'alice', password: 'alice in wonderland' })).id;
    const demo = createEstateClient({ url: server.url });
    await demo.api.auth.login.mutate({ identifier: DEMO_EMAIL, password: DEMO_PASSWORD });
    demoChatId = (await demo.api.chat.list.query()).items[0]?.id ?? '';
    demoListingId = (await demo.api.post.mine.query()).items[0]?.id ?? '';
  });
  afterAll(() => server?.stop());

  const cases: Array<[string, string, () => Promise<unknown>]> = [
    ['post.mine', 'UNAUTHORIZED', () => visitor.api.post.mine.query()],
    [
      'auth.logout',
      'FORBIDDEN',
      () => createEstateClient({ url: server.url, headers: { origin: 'https://elsewhere.example' } }).api.auth.logout.mutate(),
    ],
    ['post.search', 'BAD_REQUEST', () => visitor.api.post.search.query({ limit: 500 })],
    ['post.byId', 'NOT_FOUND', () => visitor.api.post.byId.query({ id: randomUUID() })],
    ['post.byUser', 'NOT_FOUND', () => visitor.api.post.byUser.query({ username: 'nobody-at-all' })],
    ['user.byUsername', 'NOT_FOUND', () => visitor.api.user.byUsername.query({ username: 'nobody-at-all' })],
    ['auth.login', 'UNAUTHORIZED', () => visitor.api.auth.login.mutate({ identifier: 'alice', password: 'not her password' })],
    [
      'auth.register',
      'CONFLICT',
      () => visitor.api.auth.register.mutate({ email: 'alice@example.com', username: 'alice2', password: 'another password' }),
    ],
    ['post.update', 'FORBIDDEN', () => alice.api.post.update.mutate({ id: demoListingId, title: 'Mine now, surely' })],
    ['post.delete', 'NOT_FOUND', () => alice.api.post.delete.mutate({ id: randomUUID() })],
    ['post.create', 'BAD_REQUEST', () => alice.api.post.create.mutate({ ...listing, images: [`/uploads/${randomUUID()}/lg.webp`] })],
    ['chat.messages', 'FORBIDDEN', () => alice.api.chat.messages.query({ chatId: demoChatId })],
    ['chat.byId', 'NOT_FOUND', () => alice.api.chat.byId.query({ chatId: randomUUID() })],
    ['chat.start', 'BAD_REQUEST', () => alice.api.chat.start.mutate({ userId: aliceId })],
    ['chat.send', 'FORBIDDEN', () => alice.api.chat.send.mutate({ chatId: demoChatId, text: 'Hello?' })],
    ['savedPost.toggle', 'NOT_FOUND', () => alice.api.savedPost.toggle.mutate({ postId: randomUUID() })],
    ['savedSearch.rename', 'NOT_FOUND', () => alice.api.savedSearch.rename.mutate({ id: randomUUID(), name: 'Renamed' })],
    [
      'user.changePassword',
      'FORBIDDEN',
      () => alice.api.user.changePassword.mutate({ currentPassword: 'not her password', newPassword: 'a new password' }),
    ],
  ];

  test.each(cases)('%s answers %s, and the reference says it may', async (path, code, call) => {
    expect(await refusal(call)).toBe(code);
    expect(declared.get(path)).toContain(code);
  });
});

const listing = {
  title: 'A listing that never gets posted',
  price: 1000,
  address: '1 Nowhere Street',
  city: 'London',
  bedroom: 1,
  bathroom: 1,
  latitude: 51.5,
  longitude: -0.12,
  type: 'rent',
  property: 'apartment',
  detail: { desc: 'Nothing to see.' },
} as const;
