import { mkdirSync, rmSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { launchBrowser, type RunningApp, root, startApp } from './app.js';

export { hasBrowser } from './app.js';

/** A 1×1 PNG: what a map tile server's answer stands in for here. */
const blankTile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * A page that fails the test on any error the app logs or throws. The tests run offline: the
 * only requests to other hosts, map tiles, get a blank tile instead of a connection error.
 */
export async function newPage(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...options, baseURL });
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

/** A name part no other test, and no earlier run on the same database, uses. */
export function runId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function onPath(page: Page, test: (pathname: string) => boolean) {
  return page.waitForURL((url) => test(url.pathname));
}

/** The header's Messages link, named with the unread count when there is one. */
export function messagesLink(page: Page, unread: number) {
  const name = unread === 0 ? 'Messages' : `Messages, ${unread} unread conversation${unread === 1 ? '' : 's'}`;
  return page.getByRole('banner').getByRole('link', { name, exact: true });
}

/** A small camera-like JPEG of one colour, so each photo is distinct. */
export function photo(colour: string, width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Has the signed-in user of `page` list a home through the API: a flat for rent in Portland, with `fields` changed. */
export function listHome(page: Page, fields: Record<string, unknown> = {}): Promise<{ id: string }> {
  return call<{ id: string }>(page, 'post.create', {
    title: 'Harbour flat',
    price: 2400,
    images: ['/images/demo/apartment-1.svg'],
    address: '5 Harbour Road',
    city: 'Portland',
    bedroom: 2,
    bathroom: 1,
    latitude: 45.52,
    longitude: -122.68,
    type: 'rent',
    property: 'apartment',
    detail: { desc: 'Light from three sides.' },
    ...fields,
  });
}

/** Fills a listing form's fields for a 2-bedroom flat for rent at $1,850 a month, but its place, photos and description. */
export async function fillListingForm(form: Locator, title: string, city: string): Promise<void> {
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Listing type').selectOption('rent');
  await form.getByLabel('Property type').selectOption('apartment');
  await form.getByLabel('Price per month').fill('1850');
  await form.getByLabel('Bedrooms').fill('2');
  await form.getByLabel('Bathrooms').fill('1');
  await form.getByLabel('Street address').fill('12 Elm Street');
  await form.getByLabel('City').fill(city);
}

/** Chooses three photos (red, green and blue JPEGs) in a listing form's file input. */
export async function chooseThreePhotos(form: Locator): Promise<void> {
  await form.locator('input[type=file]').setInputFiles(
    await Promise.all(
      ['#c0392b', '#27ae60', '#2980b9'].map(async (colour, i) => ({
        name: `photo-${i + 1}.jpg`,
        mimeType: 'image/jpeg',
        buffer: await photo(colour),
      })),
    ),
  );
}

/** "1,234 homes" under the search page's heading, as a number. */
export async function total(page: Page): Promise<number> {
  const text = await page
    .getByRole('status')
    .filter({ hasText: /^[\d,]+\+? homes?$/ })
    .textContent();
  return Number(text?.replace(/\D/g, ''));
}

/** How many homes the map shows: its clusters' counts and its single homes. */
export async function homesOnMap(map: Locator): Promise<number> {
  const clusters = await map
    .getByRole('button', { name: /^[\d,]+ homes?$/ })
    .evaluateAll((buttons) => buttons.map((button) => Number(button.getAttribute('aria-label')?.replace(/\D/g, ''))));
  const homes = await map.getByRole('button', { name: /^(Apartment|House|Condo|Land) for / }).count();
  return clusters.reduce((sum, count) => sum + count, homes);
}

/** The map has answered for the view it stopped on (it says "Loading homes…" from the move until then). */
export async function settled(page: Page) {
  await page.waitForTimeout(100);
  await page.getByRole('status').filter({ hasText: 'Loading homes…' }).waitFor({ state: 'detached' });
}

/**
 * Drags the map by (dx, dy) pixels from its centre: with a finger on a touch screen (Chrome's
 * own touch input, as a phone sends it), with the mouse elsewhere.
 */
export async function drag(page: Page, map: Locator, dx: number, dy: number) {
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const steps = 8;
  // Leaflet moves its map pane by a CSS transform: where it stands says whether the drag took.
  const pane = map.locator('.leaflet-map-pane');
  const before = await pane.evaluate((element) => getComputedStyle(element).transform);
  const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= steps; step++) {
      const point = { x: x + (dx * step) / steps, y: y + (dy * step) / steps };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  } else {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + dy, { steps });
    await page.mouse.up();
  }
  const after = await pane.evaluate((element) => getComputedStyle(element).transform);
  if (after === before) throw new Error(`the map did not move when dragged (${before})`);
}

/** One of the markers that no other covers, where a click lands on it. */
export async function uncovered(markers: Locator): Promise<Locator> {
  for (const marker of await markers.all()) {
    const onTop = await marker.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === button;
    });
    if (onTop) return marker;
  }
  throw new Error('every marker is under another');
}

/** Presses a marker's button from the keyboard: markers may overlap, and Enter reaches the one meant. */
export async function press(page: Page, marker: Locator) {
  await marker.focus();
  await page.keyboard.press('Enter');
}

const screenshotsDir = path.join(root, 'test-results/journeys');
const savedScreenshots: string[] = [];

/**
 * Screenshots of one journey's key screens, in `test-results/journeys/<journey>/` at the
 * repository's root, numbered in the order taken (the folder is emptied first). The run lists
 * every file saved at its end (see `listScreenshots`).
 */
export function screenshots(journey: string, browser: Browser) {
  const dir = path.join(screenshotsDir, journey);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let taken = 0;
  const shot = async (page: Page, step: string) => {
    taken += 1;
    const file = path.join(dir, `${String(taken).padStart(2, '0')}-${step}.png`);
    // No caret blinking or animation half-way: the same screen looks the same in every run.
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    savedScreenshots.push(path.relative(root, file));
  };
  // A failed journey leaves what each of its open pages showed at that moment.
  onTestFailed(async () => {
    const pages = browser.contexts().flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) await shot(page, `failed-page-${index + 1}`).catch(() => {});
  });
  return shot;
}

/** Prints the screenshots the enclosing describe block saved, once it is done. */
export function listScreenshots() {
  afterAll(() => {
    if (savedScreenshots.length === 0) return;
    console.log(
      `Screenshots (${savedScreenshots.length}), in ${path.relative(root, screenshotsDir)}/:\n${savedScreenshots.map((file) => `  ${file}`).join('\n')}`,
    );
  });
}
