import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInBrowser, call, hasBrowser, newPage, register, unexpectedErrors } from './harness.js';

// The states around what a page shows, checked in Chromium: skeletons while a request is on
// its way, an error with Retry when it fails, the first invalid field focused, passwords shown
// on request, a refused change that keeps what was typed, dialogs that hold and give back the
// focus, a visible focus ring, and the instant (optimistic) save, send and mark-read, each
// rolled back when the server refuses. Slow and failing answers are staged with page.route.

const SERVER_MESSAGE = 'The server is having a moment. Try again.';

/** Whether a request to /trpc/… calls `procedure` (alone or in a batch). */
function calls(procedure: string) {
  return (url: URL) => url.pathname.startsWith('/trpc/') && url.pathname.slice('/trpc/'.length).split(',').includes(procedure);
}

/** tRPC's answer for a failed call, as the server would send it. */
function failure(procedure: string) {
  return {
    error: {
      json: {
        message: SERVER_MESSAGE,
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: procedure, zodError: null, field: null, retryAfterSeconds: null },
      },
    },
  };
}

/**
 * Answers calls of `procedure` with a server error, keeping the real answers of any other
 * calls batched with it. A query is asked of the server for those; a mutation never is.
 */
async function fail(route: Route, procedure: string) {
  const url = new URL(route.request().url());
  const names = url.pathname.slice('/trpc/'.length).split(',');
  if (url.searchParams.get('batch') !== '1') {
    await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(failure(procedure)) });
    return;
  }
  const others = names.some((name) => name !== procedure);
  const real = others && route.request().method() === 'GET' ? ((await (await route.fetch()).json()) as unknown[]) : [];
  const body = names.map((name, index) => (name === procedure ? failure(procedure) : real[index]));
  await route.fulfill({ status: others ? 207 : 500, contentType: 'application/json', body: JSON.stringify(body) });
}

/** A promise and the function that settles it: a request held until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The element that has focus: its tag, name and whether it is inside `selector`. */
function focused(page: Page, selector = 'body') {
  return page.evaluate((selector) => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      name: element?.getAttribute('name') ?? element?.textContent?.trim() ?? '',
      inside: Boolean(element && document.querySelector(selector)?.contains(element)),
    };
  }, selector);
}

function newRun(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

describe.runIf(hasBrowser)('loading, error, focus and instant-feedback states in a browser', () => {
  const env = appInBrowser();

  it('shows skeletons while loading, and an error with Retry that loads the page when the server answers again', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);

    // Results held back: the list's skeleton says it is loading. (Opened from another page: the
    // search page's own HTML brings its first results.)
    const search = gate();
    await page.route(calls('post.search'), async (route) => {
      await search.opened;
      await route.continue();
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'every listing' }).click();
    const busy = page.getByRole('main').locator('[aria-busy="true"]');
    await busy.waitFor();
    await page.getByRole('status').filter({ hasText: 'Loading listings…' }).waitFor({ state: 'attached' });
    search.open();
    await page.getByRole('main').getByRole('article').first().waitFor();
    expect(await busy.count()).toBe(0);
    await page.unrouteAll();

    // A listing whose request fails: what the server said, and Retry, which loads it once the server answers.
    const href = String(await page.getByRole('main').getByRole('article').first().getByRole('link').first().getAttribute('href'));
    let failing = true;
    await page.route(calls('post.byId'), (route) => (failing ? fail(route, 'post.byId') : route.continue()));
    await page.goto(href);
    const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not load this listing' }) });
    await panel.getByText(SERVER_MESSAGE).waitFor();
    failing = false;
    await panel.getByRole('button', { name: 'Retry' }).click();
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await page.title()).toBe(`${(await title.textContent())?.trim()} · Estate`);
    expect(unexpectedErrors(errors, 500)).toEqual([]);
  });

  it('focuses the first invalid field, shows and hides passwords, and keeps what was typed when the server refuses', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    const run = newRun();

    await page.goto('/register');
    const form = page.getByRole('form', { name: 'Create your account' });
    await form.getByRole('button', { name: 'Create account' }).click();
    const email = form.getByLabel('Email');
    await expect.poll(() => email.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    // Its message is read out with it.
    const describedBy = String(await email.getAttribute('aria-describedby'));
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toBeTruthy();

    // The password, shown and hidden again, from the keyboard.
    const password = form.getByLabel('Password', { exact: true });
    await password.fill('a long secret password');
    expect(await password.getAttribute('type')).toBe('password');
    await password.press('Tab');
    const toggle = form.getByRole('button', { name: 'Show password' });
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await password.inputValue()).toBe('a long secret password');
    await page.keyboard.press('Space');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await form.getByRole('button', { name: 'Show password' }).count()).toBe(1);

    await page.goto('/login');
    const login = page.getByRole('form', { name: 'Sign in' });
    await login.getByRole('button', { name: 'Show password' }).click();
    expect(await login.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('text');

    await page.goto('/register');
    await register(page, `ux_${run}`, 'a long ux password');

    // Each password of the account page has its own toggle.
    await page.goto('/account');
    const passwords = page.getByRole('form', { name: 'Password' });
    for (const name of ['current password', 'new password', 'confirm new password']) {
      await passwords.getByRole('button', { name: `Show ${name}` }).click();
      await passwords.getByRole('button', { name: `Hide ${name}` }).waitFor();
    }

    // A refused profile change: the server's message, and the fields as typed.
    await page.route(calls('user.update'), (route) => fail(route, 'user.update'));
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Username').fill(`renamed_${run}`);
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByRole('alert').getByText(SERVER_MESSAGE).waitFor();
    expect(await profile.getByLabel('Username').inputValue()).toBe(`renamed_${run}`);

    // The listing editor checks before sending, and starts the keyboard at the first field to fix.
    await page.goto('/listings/new');
    const listing = page.getByRole('form', { name: 'List a home' });
    await listing.getByLabel('Bedrooms').fill('2');
    await listing.getByRole('button', { name: 'Publish listing' }).click();
    await expect.poll(() => listing.getByLabel('Title').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await listing.getByLabel('Bedrooms').inputValue()).toBe('2');
    expect(unexpectedErrors(errors, 500)).toEqual([]);
  });

  it('keeps the focus inside a dialog and gives it back when it closes, and always shows where the focus is', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    await page.goto('/register');
    await register(page, `dialog_${newRun()}`, 'a long dialog password');

    await page.goto('/account');
    const opener = page.getByRole('button', { name: 'Delete account' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    expect((await focused(page, 'dialog[open]')).inside).toBe(true);
    // Round and round, both ways: the focus never leaves it.
    for (const key of [...Array(7).fill('Tab'), ...Array(7).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await focused(page, 'dialog[open]')).toMatchObject({ inside: true });
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);

    // Tabbing through a page of results: every stop shows a ring (its own, or its card's).
    await page.goto('/search');
    await page.getByRole('main').getByRole('article').first().waitFor();
    const unringed: string[] = [];
    for (let stop = 0; stop < 30; stop++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return 'body';
        for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) return null;
        }
        return element.outerHTML.slice(0, 120);
      });
      if (ring) unringed.push(ring);
    }
    expect(unringed).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('shows a save at once and takes it back when the server refuses', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    await page.goto('/register');
    await register(page, `saver_${newRun()}`, 'a long saver password');
    await page.goto('/search');
    const card = page.getByRole('main').getByRole('article').first();
    await card.waitFor();

    const held = gate();
    await page.route(calls('savedPost.toggle'), async (route) => {
      await held.opened;
      await fail(route, 'savedPost.toggle');
    });
    await card.getByRole('button', { name: 'Save' }).click();
    // Before the server answers.
    const saved = card.getByRole('button', { name: 'Saved' });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-pressed')).toBe('true');
    held.open();
    await card.getByRole('alert').getByText(`Could not save this home. ${SERVER_MESSAGE}`).waitFor();
    expect(await card.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('false');
    expect(unexpectedErrors(errors, 500)).toEqual([]);
  });

  it('shows a sent message at once, takes it back into the box when refused, and marks a chat read at once unless refused', async () => {
    const run = newRun();
    const reader = await newPage(env.browser, env.app.url);
    const writer = await newPage(env.browser, env.app.url);
    await reader.page.goto('/register');
    await register(reader.page, `reader_${run}`, 'a long reader password');
    await writer.page.goto('/register');
    await register(writer.page, `writer_${run}`, 'a long writer password');
    const readerId = await reader.page.evaluate(async () => {
      const response = await fetch('/trpc/auth.me');
      return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
    });
    const chat = await call<{ id: string }>(writer.page, 'chat.start', { userId: readerId });
    await call(writer.page, 'chat.send', { chatId: chat.id, text: 'Is the flat still free?' });

    // The reader's badge counts it; opening the chat clears it at once, and a refusal brings it back.
    const page = reader.page;
    const badge = (name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });
    await badge('Messages, 1 unread conversation').waitFor();
    const readHeld = gate();
    let markReads = 0;
    await page.route(calls('chat.markRead'), async (route) => {
      markReads += 1;
      await readHeld.opened;
      await fail(route, 'chat.markRead');
    });
    await page.goto(`/messages/${chat.id}`);
    const log = page.getByRole('log', { name: `Messages with writer_${run}` });
    await log.getByText('Is the flat still free?').waitFor();
    await badge('Messages').waitFor();
    readHeld.open();
    await badge('Messages, 1 unread conversation').waitFor();
    const item = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: new RegExp(`^writer_${run}`) });
    await expect.poll(() => item.textContent()).toContain('1 unread message');
    // Refused once, it is not asked again and again.
    await page.waitForTimeout(1000);
    expect(markReads).toBe(1);
    await page.unrouteAll();

    // New messages are announced: the log is a polite live region.
    expect(await log.getAttribute('aria-live')).toBe('polite');

    // A message shows at once, as sending, and the box empties; refused, it leaves the log and its text comes back.
    const sendHeld = gate();
    await page.route(calls('chat.send'), async (route) => {
      await sendHeld.opened;
      await fail(route, 'chat.send');
    });
    const box = page.getByRole('form', { name: 'Send a message' }).getByLabel(`Message to writer_${run}`);
    await box.fill('Could I visit on Sunday?');
    await box.press('Enter');
    const sending = log.getByRole('listitem').filter({ hasText: 'Could I visit on Sunday?' });
    await sending.getByText('Sending…').waitFor();
    expect(await box.inputValue()).toBe('');
    sendHeld.open();
    await page.getByRole('alert').getByText(`Could not send your message. ${SERVER_MESSAGE}`).waitFor();
    expect(await sending.count()).toBe(0);
    expect(await box.inputValue()).toBe('Could I visit on Sunday?');
    await page.unrouteAll();

    // Sent again, it is shown once, with its time, and reaches the writer.
    await box.press('Enter');
    await expect.poll(() => sending.locator('time').count()).toBe(1);
    expect(await sending.count()).toBe(1);
    await writer.page.goto(`/messages/${chat.id}`);
    await writer.page.getByRole('log').getByText('Could I visit on Sunday?').waitFor();
    expect(unexpectedErrors(reader.errors, 500)).toEqual([]);
    expect(writer.errors).toEqual([]);
  });
});
