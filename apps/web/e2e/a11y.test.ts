import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { appInBrowser, call, hasBrowser, listHome, newPage, register, unexpectedErrors } from './harness.js';

// axe-core, run inside Chromium on every page, signed out and signed in, in the states that
// matter (loaded, empty, with validation errors, a dialog open), on a phone (390 px) and a wide
// screen. No serious or critical violation may be left; all of them are counted and printed.
// Each page is also checked for its tab title, for fitting a 360 px phone without scrolling
// sideways, and for the contrast of text on gradients, which axe leaves undecided.

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const phone = { width: 390, height: 844 };
const wide = { width: 1280, height: 900 };

interface Finding {
  where: string;
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
}

const findings: Finding[] = [];
/** What a page got wrong besides axe's rules: its title, its width. */
const problems: string[] = [];

/** Lets a layout that a media query switches render again. */
function settle(page: Page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

interface AuditOptions {
  /** The tab's title; by default the page's heading, then " · Estate". */
  title?: string;
  sizes?: ReadonlyArray<{ width: number; height: number }>;
}

/** Runs axe on the page as it is now at each size, and checks its title and its fit on a 360 px phone. */
async function audit(page: Page, where: string, { title, sizes = [phone, wide] }: AuditOptions = {}): Promise<void> {
  const expected = title ?? `${(await page.getByRole('heading', { level: 1 }).first().textContent())?.trim()} · Estate`;
  const actual = await page.title();
  if (actual !== expected) problems.push(`${where}: the title is "${actual}", not "${expected}"`);

  await page.setViewportSize({ width: 360, height: 740 });
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${where}: ${overflow} px wider than a 360 px screen`);

  for (const size of sizes) {
    await page.setViewportSize(size);
    await settle(page);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe.run(document),
    );
    const onGradients = results.incomplete
      .filter((item) => item.id === 'color-contrast')
      .flatMap((item) => item.nodes)
      .filter((node) => node.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'bgGradient'))
      .map((node) => String(node.target[0]));
    for (const low of await contrastOverGradients(page, onGradients)) problems.push(`${where} @${size.width}: ${low}`);
    // A script that did not run would report nothing at all.
    if (results.passes.length === 0) problems.push(`${where} @${size.width}: axe checked nothing`);
    for (const violation of results.violations) {
      findings.push({
        where: `${where} @${size.width}`,
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      });
    }
  }
}

/** WCAG's relative luminance of an sRGB colour. */
function luminance(rgb: readonly number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text that axe cannot judge because it stands on a gradient: the page is drawn with all text
 * transparent, and each of these elements' text is held against the darkest and lightest
 * pixels under it. Returns the texts below AA (4.5:1, or 3:1 for large text).
 */
async function contrastOverGradients(page: Page, selectors: string[]): Promise<string[]> {
  if (selectors.length === 0) return [];
  const texts = await page.evaluate((selectors) => {
    return selectors.flatMap((selector) => {
      const element = document.querySelector(selector);
      if (!element) return [];
      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const boxes = Array.from(element.getClientRects()).map((box) => ({
        x: box.x + scrollX,
        y: box.y + scrollY,
        width: box.width,
        height: box.height,
      }));
      return [{ selector, color: style.color.match(/\d+/g)?.slice(0, 3).map(Number) ?? [], large, boxes }];
    });
  }, selectors);
  const hide = await page.addStyleTag({
    content: 'main * { color: transparent !important; text-decoration-color: transparent !important; }',
  });
  const { data, info } = await sharp(await page.screenshot({ fullPage: true }))
    .raw()
    .toBuffer({ resolveWithObject: true });
  await hide.evaluate((style) => (style as Element).remove());
  const low: string[] = [];
  for (const text of texts) {
    const fg = luminance(text.color);
    let worst = Number.POSITIVE_INFINITY;
    for (const box of text.boxes) {
      for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(info.height, box.y + box.height); y += 2) {
        for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(info.width, box.x + box.width); x += 2) {
          const at = (y * info.width + x) * info.channels;
          const bg = luminance([data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0]);
          worst = Math.min(worst, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05));
        }
      }
    }
    if (worst < (text.large ? 3 : 4.5)) low.push(`${text.selector} has a contrast of ${worst.toFixed(2)} on its gradient`);
  }
  return low;
}

/** An empty list says so, and links to what to do next. */
async function emptyState(page: Page, heading: string, nextStep: string) {
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: heading }).waitFor();
  await main.getByRole('link', { name: nextStep, exact: true }).last().waitFor();
}

/** Where this test's findings and problems start: the lists hold every test's, for the summary. */
function mark() {
  return { findings: findings.length, problems: problems.length };
}

function blocking(finding: Finding) {
  return finding.impact === 'serious' || finding.impact === 'critical';
}

describe.runIf(hasBrowser)('accessibility (axe-core in Chromium)', () => {
  const env = appInBrowser();

  afterAll(() => {
    const byImpact: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const finding of findings)
      byImpact[finding.impact ?? 'minor'] = (byImpact[finding.impact ?? 'minor'] ?? 0) + finding.targets.length;
    console.log(`axe violations by impact (elements, over every page and width): ${JSON.stringify(byImpact)}`);
    for (const finding of findings) {
      console.log(`  [${finding.impact}] ${finding.rule} on ${finding.where}: ${finding.help} (${finding.targets.slice(0, 3).join(', ')})`);
    }
  });

  it('finds no serious or critical violation on the pages a visitor sees', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    const since = mark();
    await page.goto('/');
    await page.getByRole('search').waitFor();
    await audit(page, 'home', { title: 'Estate' });
    await page.getByRole('search').getByRole('combobox', { name: 'City' }).pressSequentially('new');
    await page.getByRole('listbox', { name: 'Cities' }).getByRole('option').first().waitFor();
    await audit(page, 'home with city suggestions', { title: 'Estate' });

    await page.goto('/search');
    await page.locator('main article').first().waitFor();
    await page.setViewportSize(wide);
    await page.locator('.leaflet-container').waitFor();
    await audit(page, 'search');
    const searchTitle = await page.title();
    // A phone shows the map instead of the list.
    await page.setViewportSize(phone);
    await page.getByRole('button', { name: 'Map' }).click();
    await page.locator('.leaflet-container').waitFor();
    await audit(page, 'search map on a phone', { title: searchTitle, sizes: [phone] });

    const firstPost = await page.locator('main article a[href^="/posts/"]').first().getAttribute('href');
    await page.goto(String(firstPost));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('main img').first().waitFor();
    await audit(page, 'listing');

    const profile = await page.locator('main a[href^="/users/"]').first().getAttribute('href');
    await page.goto(String(profile));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('main article').first().waitFor();
    await audit(page, 'profile');

    await page.goto('/login');
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await audit(page, 'login');
    await page.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Sign in' }).locator('[aria-invalid="true"]').first().waitFor();
    await audit(page, 'login with errors');

    await page.goto('/register');
    await page.getByRole('form', { name: 'Create your account' }).waitFor();
    await audit(page, 'register');

    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await audit(page, '404');

    expect(unexpectedErrors(errors)).toEqual([]);
    expect(problems.slice(since.problems)).toEqual([]);
    expect(findings.slice(since.findings).filter(blocking)).toEqual([]);
  });

  it('finds no serious or critical violation on the pages a signed-in user sees', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    const since = mark();
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await page.goto('/register');
    await register(page, `axe_${run}`, 'a long axe password');

    // Empty states first: a new user has nothing yet.
    await page.goto('/my/listings');
    await page.getByRole('heading', { level: 1, name: 'My listings' }).waitFor();
    await emptyState(page, 'You have not listed a home yet', 'List a home');
    await audit(page, 'my listings (empty)');
    await page.goto('/saved');
    await emptyState(page, 'No saved homes yet', 'Browse listings');
    await audit(page, 'saved homes (empty)');
    await page.goto('/saved-searches');
    await emptyState(page, 'No saved searches yet', 'Search homes');
    await audit(page, 'saved searches (empty)');
    await page.goto(`/users/axe_${run}`);
    await emptyState(page, 'No listings yet', 'List a home');
    await audit(page, 'own profile (empty)');
    await page.goto('/messages');
    await emptyState(page, 'No conversations yet', 'Browse listings');
    await audit(page, 'messages (empty)');

    await page.goto('/listings/new');
    const form = page.getByRole('form', { name: 'List a home' });
    await form.getByRole('button', { name: 'Publish listing' }).click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    await audit(page, 'new listing with errors');

    // Someone else's home (the newest demo listing), to save and to message.
    const demo = await page.evaluate(async () => {
      const response = await fetch(`/trpc/post.search?input=${encodeURIComponent('{"json":{"limit":1}}')}`);
      return ((await response.json()) as { result: { data: { json: { items: Array<{ id: string }> } } } }).result.data.json.items[0];
    });
    const post = await listHome(page, { title: `Axe loft ${run}` });
    await page.goto(`/posts/${post.id}/edit`);
    await page.getByRole('form', { name: 'Edit listing' }).waitFor();
    await page.locator('.leaflet-container').waitFor();
    await audit(page, 'edit listing');

    await page.goto(`/posts/${post.id}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this listing?' }).waitFor();
    await audit(page, 'own listing with delete dialog', { title: `Axe loft ${run} · Estate` });

    await page.goto('/my/listings');
    await page.getByRole('article').first().waitFor();
    await audit(page, 'my listings');

    await call(page, 'savedPost.toggle', { postId: demo?.id, saved: true });
    await call(page, 'savedSearch.create', { filters: { city: 'Portland', type: 'rent' } });
    const chat = await call<{ id: string; otherUser: { username: string } }>(page, 'chat.start', { postId: demo?.id });
    await call(page, 'chat.send', { chatId: chat.id, text: 'Is it still available?' });

    await page.goto('/saved');
    await page.getByRole('article').first().waitFor();
    await audit(page, 'saved homes');
    await page.goto('/saved-searches');
    await page.getByRole('main').getByRole('article').first().waitFor();
    await audit(page, 'saved searches');
    await page.goto('/messages');
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().waitFor();
    await audit(page, 'messages');
    await page.goto(`/messages/${chat.id}`);
    await page.getByRole('log').getByText('Is it still available?').waitFor();
    await audit(page, 'conversation', { title: `Messages with ${chat.otherUser.username} · Estate` });

    await page.goto('/account');
    await page.getByRole('form', { name: 'Profile' }).waitFor();
    await audit(page, 'account');
    await page.setViewportSize(phone);
    await page.getByRole('banner').getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Your account' }).waitFor();
    await audit(page, 'account menu on a phone', { sizes: [phone] });

    expect(unexpectedErrors(errors)).toEqual([]);
    expect(problems.slice(since.problems)).toEqual([]);
    expect(findings.slice(since.findings).filter(blocking)).toEqual([]);
  });
});
