import { describe, expect, it } from 'vitest';
import { appInBrowser, call, hasBrowser, listHome, messagesLink, newPage, onPath, register, runId, unexpectedErrors } from './harness.js';

// Two people, each in a browser of their own: a buyer writes to a lister from the listing's
// page, and each sees the other's messages, the unread badge and the read receipt arrive live,
// without reloading. Then the lister deletes their account and the conversation closes.

describe.runIf(hasBrowser)('chat in a browser', () => {
  const env = appInBrowser();

  it('messages a lister from a listing and both see messages, unread counts and receipts live', async () => {
    const run = runId();
    const buyer = { name: `buyer_${run}`, password: 'a long buyer password' };
    const owner = { name: `owner_${run}`, password: 'a long owner password' };
    const title = `Sunny loft ${run}`;
    const a = await newPage(env.browser, env.app.url);
    const b = await newPage(env.browser, env.app.url);

    // The lister registers and lists a home (through the API, with a demo picture).
    await b.page.goto('/register');
    await register(b.page, owner.name, owner.password);
    const post = await listHome(b.page, { title });
    // …and waits on the messages page, with nothing there yet.
    await b.page.getByRole('banner').getByRole('link', { name: 'Messages' }).click();
    await onPath(b.page, (pathname) => pathname === '/messages');
    await b.page.getByRole('heading', { name: 'No conversations yet' }).waitFor();
    await messagesLink(b.page, 0).waitFor();

    // A visitor who is not signed in is sent to sign in (here: register), and comes back to the listing.
    await a.page.goto(`/posts/${post.id}`);
    await a.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await a.page.getByRole('button', { name: 'Message the owner' }).click();
    await a.page.waitForURL((url) => url.pathname === '/login' && url.search === `?next=/posts/${post.id}`);
    await a.page.getByRole('link', { name: 'Create an account' }).click();
    await register(a.page, buyer.name, buyer.password);
    await onPath(a.page, (pathname) => pathname === `/posts/${post.id}`);

    // The buyer opens the conversation and writes two lines (Shift+Enter), sent with Enter.
    await a.page.getByRole('button', { name: 'Message the owner' }).click();
    await onPath(a.page, (pathname) => /^\/messages\/[0-9a-f-]{36}$/.test(pathname));
    const chatPath = new URL(a.page.url()).pathname;
    const aConversation = a.page.getByRole('region', { name: owner.name });
    await aConversation.getByRole('link', { name: title }).waitFor();
    const aLog = a.page.getByRole('log', { name: `Messages with ${owner.name}` });
    await aLog.getByText('No messages yet.').waitFor();
    const aBox = a.page.getByRole('form', { name: 'Send a message' }).getByLabel(`Message to ${owner.name}`);
    await aBox.fill('Hello! Is the loft still available?');
    await aBox.press('Shift+Enter');
    await aBox.pressSequentially('Could I see it on Saturday?');
    await aBox.press('Enter');
    const first = aLog.getByRole('listitem').filter({ hasText: 'Could I see it on Saturday?' });
    await first.waitFor();
    // As shown: the line break is kept on screen (white-space: pre-wrap), not only in the text.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this checks.
    expect(await first.getByRole('paragraph').innerText()).toBe('Hello! Is the loft still available?\nCould I see it on Saturday?');
    expect(await aBox.inputValue()).toBe('');
    // An empty Enter sends nothing.
    await aBox.press('Enter');

    // The lister's badge and list follow without a reload.
    await messagesLink(b.page, 1).waitFor();
    const bList = b.page.getByRole('navigation', { name: 'Conversations' });
    const bItem = bList.getByRole('link', { name: new RegExp(`^${buyer.name}`) });
    await bItem.getByText('Could I see it on Saturday?').waitFor();
    expect(await bItem.textContent()).toContain('1 unread message');
    // Nothing is read until the lister opens it: the buyer sees no receipt yet.
    expect(await aLog.getByText('Seen', { exact: true }).count()).toBe(0);

    await bItem.click();
    await onPath(b.page, (pathname) => pathname === chatPath);
    const bLog = b.page.getByRole('log', { name: `Messages with ${buyer.name}` });
    await bLog.getByText('Could I see it on Saturday?').waitFor();
    await messagesLink(b.page, 0).waitFor();
    await expect.poll(() => bItem.textContent()).not.toContain('unread');
    // The receipt reaches the buyer.
    await aLog.getByText('Seen', { exact: true }).waitFor();

    // The lister replies; the buyer, with the conversation open, reads it at once: no badge.
    const bBox = b.page.getByRole('form', { name: 'Send a message' }).getByLabel(`Message to ${buyer.name}`);
    await bBox.fill('Yes, it is. Saturday at 10?');
    await b.page.getByRole('button', { name: 'Send' }).click();
    await bLog.getByText('Yes, it is. Saturday at 10?').waitFor();
    await aLog.getByText('Yes, it is. Saturday at 10?').waitFor();
    await bLog.getByText('Seen', { exact: true }).waitFor();
    await messagesLink(a.page, 0).waitFor();

    // Away from the conversation, the buyer's badge counts a new message until they open it.
    await a.page.getByRole('banner').getByRole('link', { name: 'Estate' }).click();
    await onPath(a.page, (pathname) => pathname === '/');
    await bBox.fill('Bring ID for the viewing, please.');
    await bBox.press('Enter');
    await bLog.getByText('Bring ID for the viewing, please.').waitFor();
    await messagesLink(a.page, 1).click();
    await onPath(a.page, (pathname) => pathname === '/messages');
    const aItem = a.page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: new RegExp(`^${owner.name}`) });
    await aItem.getByText('Bring ID for the viewing, please.').waitFor();
    expect(await aItem.textContent()).toContain('1 unread message');
    // The list alone reads nothing.
    await messagesLink(a.page, 1).waitFor();
    await aItem.click();
    await aLog.getByText('Bring ID for the viewing, please.').waitFor();
    await messagesLink(a.page, 0).waitFor();
    await expect.poll(() => aItem.textContent()).not.toContain('unread');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);

    // The lister deletes their account: the buyer's next message is refused, and the conversation says why.
    await call(b.page, 'user.delete', { password: owner.password });
    await b.page.close();
    await aBox.fill('See you then!');
    await aBox.press('Enter');
    await a.page.getByRole('alert').getByText('deleted their account').waitFor();
    await a.page.getByText('The other person deleted their account: you can read this conversation, but no longer reply.').waitFor();
    // Named for the account that is no more.
    expect(await a.page.getByRole('form', { name: 'Send a message' }).getByLabel('Message to Deleted account').isDisabled()).toBe(true);
    // What they wrote stays.
    await a.page.getByRole('log', { name: 'Messages with Deleted account' }).getByText('Bring ID for the viewing, please.').waitFor();
    expect(unexpectedErrors(a.errors, 412)).toEqual([]);
  });

  it('loads older messages when the conversation is scrolled up, keeping the messages in view in place, and says when to wait', async () => {
    const run = runId();
    const writer = `writer_${run}`;
    const reader = `reader_${run}`;
    const a = await newPage(env.browser, env.app.url);
    const b = await newPage(env.browser, env.app.url);
    await a.page.goto('/register');
    await register(a.page, reader, 'a long reader password');
    await b.page.goto('/register');
    await register(b.page, writer, 'a long writer password');

    // The writer starts a chat with the reader (by the reader's id) and sends 45 numbered messages.
    const profile = await a.page.evaluate(async () => {
      const response = await fetch('/trpc/auth.me');
      return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
    });
    const chat = await call<{ id: string }>(b.page, 'chat.start', { userId: profile.id });
    for (let i = 1; i <= 45; i++) await call(b.page, 'chat.send', { chatId: chat.id, text: `Note number ${i}` });

    await messagesLink(a.page, 1).click();
    await a.page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('link', { name: new RegExp(`^${writer}`) })
      .click();
    const log = a.page.getByRole('log', { name: `Messages with ${writer}` });
    // It opens at the newest message; the first page holds the newest 30.
    const newest = log.getByText('Note number 45', { exact: true });
    await newest.waitFor();
    await expect.poll(() => newest.isVisible()).toBe(true);
    expect(await log.getByText('Note number 1', { exact: true }).count()).toBe(0);
    await messagesLink(a.page, 0).waitFor();

    // Scrolled to the top, the older messages load above, and the message that was at the top stays in view.
    const oldestShown = log.getByText('Note number 16', { exact: true });
    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    await log.getByText('Note number 1', { exact: true }).waitFor();
    await log.getByText('The start of your conversation with', { exact: false }).waitFor();
    const [logBox, keptBox] = await Promise.all([log.boundingBox(), oldestShown.boundingBox()]);
    expect(logBox && keptBox).toBeTruthy();
    if (logBox && keptBox) {
      expect(keptBox.y).toBeGreaterThanOrEqual(logBox.y);
      expect(keptBox.y + keptBox.height).toBeLessThanOrEqual(logBox.y + logBox.height);
    }
    expect(a.errors).toEqual([]);

    // The writer reaches the limit (60 a minute): the composer says to wait, and keeps the text.
    for (let i = 46; i <= 60; i++) await call(b.page, 'chat.send', { chatId: chat.id, text: `Note number ${i}` });
    await log.getByText('Note number 60', { exact: true }).waitFor();
    await b.page.goto(`/messages/${chat.id}`);
    const box = b.page.getByRole('form', { name: 'Send a message' }).getByLabel(`Message to ${reader}`);
    await box.fill('One more thing');
    await box.press('Enter');
    await b.page
      .getByRole('alert')
      .getByText(/^You are sending messages too quickly\. Wait \d+ seconds?, then send it again\.$/)
      .waitFor();
    expect(await box.inputValue()).toBe('One more thing');
    expect(unexpectedErrors(b.errors, 429)).toEqual([]);
  });
});
