import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '@estate/db';
import { testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEstateClient } from '../src/index.js';
import { command, declarations, installExample, tsc } from './example-project.js';
import { type RunningServer, startServer } from './server.js';

let dir: string;
beforeAll(async () => {
  dir = await installExample();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed client in a project of its own', () => {
  test('publishes declarations that import nothing but tRPC', () => {
    const imported = [...declarations(dir).values()].flatMap((text) => [
      ...text.matchAll(/from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g),
    ]);
    const specifiers = new Set(imported.map((match) => match[1] ?? match[2]));
    expect([...specifiers].filter((specifier) => !/^(\.\.?\/|@trpc\/(client|server)$)/.test(specifier ?? ''))).toEqual([]);
  });

  test('type-checks the example with every type inferred from the tarball', async () => {
    const result = await tsc(dir, '--noEmit');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  test('refuses a wrong input field and a wrong use of an output', async () => {
    writeFileSync(
      path.join(dir, 'src/wrong.ts'),
      [
        "import { createEstateClient } from '@estate/client';",
        "const { api } = createEstateClient({ url: 'http://localhost:3000' });",
        "await api.post.search.query({ citty: 'London' });",
        "const price: string = (await api.post.byId.query({ id: 'x' })).price;",
        "await api.chat.send.mutate({ chatId: 'x' });",
        'export { price };',
      ].join('\n'),
    );
    try {
      const result = await tsc(dir, '--noEmit');
      expect(result.ok).toBe(false);
      // One error per wrong line: each procedure's input and output is known, none is `any`.
      expect(result.output).toMatch(/^src\/wrong\.ts\(3,\d+\): error TS\d+: .*'citty' does not exist/m);
      expect(result.output).toMatch(/^src\/wrong\.ts\(4,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/m);
      expect(result.output).toMatch(/^src\/wrong\.ts\(5,\d+\): error TS2345: [\s\S]*Property 'text' is missing/m);
    } finally {
      rmSync(path.join(dir, 'src/wrong.ts'));
    }
  });
});

describe.each(testDbKinds())('the example against a new server (%s)', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server?.stop());

  test('registers, searches, posts a listing with a photo and messages a lister', async () => {
    expect((await tsc(dir)).ok).toBe(true);
    const run = await command(dir, process.execPath, ['dist/main.js'], { ESTATE_URL: server.url });
    expect(run.ok, run.output).toBe(true);
    const lines = run.output.split('\n');
    expect(lines[0]).toBe('No account for node-example@example.com yet: registering "node-example".');
    expect(lines[1]).toBe('Signed in as node-example (node-example@example.com).');
    expect(run.output).toMatch(/^Search: \d+ homes to buy; the cheapest:$/m);
    expect(run.output).toMatch(/^Uploaded a photo: \/uploads\/[0-9a-f-]{36}\/lg\.webp \(640×480\)\.$/m);
    expect(run.output).toMatch(/^Signed out: the client holds no session\.$/m);

    // What it did, as others see it.
    const listingId = /^Posted listing ([0-9a-f-]{36}): "Bright flat with a garden, posted from Node" by node-example, 1 photo\.$/m.exec(
      run.output,
    )?.[1];
    const [, lister, chatId, text] = /^Messaged (\S+) in chat ([0-9a-f-]{36}): "(.+)" \(delivered at /m.exec(run.output) ?? [];
    const visitor = createEstateClient({ url: server.url });
    const listing = await visitor.api.post.byId.query({ id: listingId ?? '' });
    expect(listing).toMatchObject({
      title: 'Bright flat with a garden, posted from Node',
      user: { username: 'node-example' },
      isMine: false,
    });
    const photo = await fetch(new URL(listing.images[0] ?? '', server.url));
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/webp']);

    const listerClient = createEstateClient({ url: server.url });
    await listerClient.api.auth.login.mutate({ identifier: lister ?? '', password: DEMO_PASSWORD });
    const { items } = await listerClient.api.chat.list.query();
    expect(items.find((chat) => chat.id === chatId)).toMatchObject({
      otherUser: { username: 'node-example' },
      lastMessage: { text },
      unreadCount: 1,
    });
  });
});
