import { describe, expect, it } from 'vitest';
import { appInBrowser, hasBrowser, newPage } from './harness.js';

describe.runIf(hasBrowser)('the app in a browser', () => {
  const env = appInBrowser();

  it('loads the home page, searches a city and opens a listing', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();

    // The newest seeded listing's city, typed in lower case: the search ignores letter case.
    const newest = (await (await fetch(`${env.app.url}/trpc/post.search?input=${encodeURIComponent('{"json":{"limit":1}}')}`)).json()) as {
      result: { data: { json: { items: Array<{ city: string }> } } };
    };
    const city = newest.result.data.json.items[0]?.city;
    expect(city).toBeTruthy();

    const search = page.getByRole('search');
    await search.getByLabel('City').fill(String(city).toLowerCase());
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?city=/);
    const cards = page.locator('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    // The text as written, not as drawn: cards off screen are not drawn until scrolled near.
    for (const text of await cards.allTextContents()) expect(text).toContain(String(city));

    const link = cards.first().getByRole('link').first();
    const title = (await link.getAttribute('aria-label')) ?? (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    // The listing's own heading, once its page has drawn.
    await page.getByRole('heading', { level: 1, name: title.trim() }).waitFor();
    // The cover image is served and decoded.
    const cover = page.locator('img').first();
    await cover.waitFor();
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
