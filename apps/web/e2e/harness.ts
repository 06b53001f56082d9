import { STATUS_CODES } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type RunningApp, startApp } from './app.js';

export { hasBrowser } from './app.js';

/** A 1×1 PNG: what a map tile server's answer stands in for here. */
const blankTile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * A page that fails the test on any error the app logs or throws. The tests run offline: the
 * only requests to other hosts, map tiles, get a blank tile instead of a connection error.
 */
export async function newPage(browser: Browser, baseURL: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL });
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: blankTile }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

function refused(status: number): string {
  return `Failed to load resource: the server responded with a status of ${status} (${STATUS_CODES[status]})`;
}

/**
 * The errors a page logged, but for Chrome's "Failed to load resource" lines for `statuses`:
 * a journey provokes those refusals on purpose. Chrome logs such a line late (seconds, on a
 * busy machine) or, now and then, not at all, so a journey checks the refusal by what the page
 * shows, and here that nothing else went wrong.
 */
export function unexpectedErrors(errors: readonly string[], ...statuses: number[]): string[] {
  const provoked = new Set(statuses.map(refused));
  return errors.filter((error) => !provoked.has(error));
}

/** Fills in and sends the register form the page shows, then waits until the header names the new user. */
export async function register(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Create your account' });
  await form.getByLabel('Email').fill(`${username}@example.com`);
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('banner').getByRole('link', { name: username, exact: true }).waitFor();
}

/** Calls a procedure as the page's signed-in user, as the app itself would (same origin, its cookie). */
export async function call<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { procedure, input },
  );
  if (body.status !== 200) throw new Error(`${procedure} answered ${body.status}: ${JSON.stringify(body.json)}`);
  return (body.json as { result: { data: { json: T } } }).result.data.json;
}

/** The app and a browser for the enclosing describe block, started once and stopped after it. */
export function appInBrowser(): { readonly app: RunningApp; readonly browser: Browser } {
  const state: { app?: RunningApp; browser?: Browser } = {};
  beforeAll(async () => {
    state.app = await startApp();
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app is not started yet');
    return value;
  };
  return {
    get app() {
      return started(state.app);
    },
    get browser() {
      return started(state.browser);
    },
  };
}
