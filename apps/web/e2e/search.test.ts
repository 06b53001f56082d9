import { describe, expect, it } from 'vitest';
import { appInBrowser, drag, hasBrowser, homesOnMap, newPage, press, settled, total, uncovered } from './harness.js';

// A visitor's search, as the address bar, the results and the map keep it: a city picked from
// the suggestions with a price range, a wider search paged with "Load more", a map area
// searched after moving the map (and left with the back button), and a home opened from its
// price on the map. The 60 demo listings are spread over about 38 cities.

const minPrice = 1_000;
const maxPrice = 3_000_000;

describe.runIf(hasBrowser)('search in a browser', () => {
  const env = appInBrowser();

  it('searches a city with a price range, loads more, searches a map area and opens a home from its marker', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    await page.setViewportSize({ width: 1280, height: 900 });
    // The map jumps rather than glides: a move has ended when the key or the mouse is released.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const heading = page.getByRole('heading', { level: 1 });

    // The city from its suggestions, by keyboard; then a price range.
    await page.goto('/');
    const hero = page.getByRole('search');
    const city = hero.getByRole('combobox', { name: 'City' });
    await city.pressSequentially('new y');
    const suggestion = page.getByRole('listbox', { name: 'Cities' }).getByRole('option', { name: /^New York · \d+ homes?$/ });
    await suggestion.waitFor();
    await city.press('ArrowDown');
    expect(await suggestion.getAttribute('aria-selected')).toBe('true');
    await city.press('Enter');
    expect(await city.inputValue()).toBe('New York');
    expect(await city.getAttribute('aria-expanded')).toBe('false');
    await hero.getByLabel('Min price').fill(String(minPrice));
    await hero.getByLabel('Max price').fill(String(maxPrice));
    await hero.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.pathname === '/search' && url.search === `?city=New+York&minPrice=${minPrice}&maxPrice=${maxPrice}`);
    await heading.filter({ hasText: 'Homes in New York from $1,000 to $3,000,000' }).waitFor();
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(await total(page));
    // The text as written, not as drawn: cards off screen are not drawn until scrolled near.
    for (const text of await cards.allTextContents()) {
      expect(text).toContain('New York');
      const price = Number(/\$([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''));
      expect(price).toBeGreaterThanOrEqual(minPrice);
      expect(price).toBeLessThanOrEqual(maxPrice);
    }

    // Any city, the same prices: more than a page, so "Load more" brings the next one.
    const bar = page.getByRole('search');
    await bar.getByRole('combobox', { name: 'City' }).fill('');
    await bar.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.search === `?minPrice=${minPrice}&maxPrice=${maxPrice}`);
    await heading.filter({ hasText: 'Homes from $1,000 to $3,000,000' }).waitFor();
    await expect.poll(() => cards.count()).toBe(12);
    const everywhere = await total(page);
    expect(everywhere).toBeGreaterThan(12);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => cards.count()).toBe(Math.min(everywhere, 24));

    // The map shows every result. Zoom in on the biggest cluster, then with the keyboard, and drag.
    const map = page.getByRole('region', { name: 'Map of the homes found' });
    await expect.poll(() => homesOnMap(map)).toBe(everywhere);
    const counts = await map
      .getByRole('button', { name: /^[\d,]+ homes?$/ })
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    const biggest = counts.sort((a, b) => Number(b.replace(/\D/g, '')) - Number(a.replace(/\D/g, '')))[0] ?? '';
    await press(page, map.getByRole('button', { name: biggest, exact: true }));
    await map.focus();
    await page.keyboard.press('Equal');
    await drag(page, map, 60, 40);

    // Moving the map leaves the results alone, until the area is searched.
    const searchArea = page.getByRole('button', { name: 'Search this area' });
    await searchArea.waitFor();
    expect(await total(page)).toBe(everywhere);
    await settled(page);
    const inView = await homesOnMap(map);
    expect(inView).toBeGreaterThan(0);
    expect(inView).toBeLessThan(everywhere);
    await searchArea.click();
    await page.waitForURL((url) => /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/.test(url.searchParams.get('bounds') ?? ''));
    expect(new URL(page.url()).searchParams.get('minPrice')).toBe(String(minPrice));
    await heading.filter({ hasText: 'Homes in the map area from $1,000 to $3,000,000' }).waitFor();
    await expect.poll(() => total(page)).toBe(inView);
    await expect.poll(() => cards.count()).toBe(Math.min(inView, 12));
    expect(await searchArea.count()).toBe(0);

    // Back: the whole search again; forward: the area.
    await page.goBack();
    await heading.filter({ hasText: 'Homes from $1,000 to $3,000,000' }).waitFor();
    await expect.poll(() => total(page)).toBe(everywhere);
    await page.goForward();
    await heading.filter({ hasText: 'Homes in the map area' }).waitFor();
    await expect.poll(() => total(page)).toBe(inView);

    // Zoom in until the homes stand alone; open one from its price.
    const homes = map.getByRole('button', { name: /^(Apartment|House|Condo|Land) for (sale|rent), \$[\d,]+(\/month)?$/ });
    for (let step = 0; step < 8 && (await homes.count()) === 0; step++) {
      await press(page, map.getByRole('button', { name: /homes?$/ }).first());
      await settled(page);
    }
    const home = await uncovered(homes);
    const price = /\$[\d,]+(\/month)?$/.exec((await home.getAttribute('aria-label')) ?? '')?.[0] ?? '';
    await home.click();
    const title = map.getByRole('heading', { level: 2 });
    await title.waitFor();
    const name = (await title.textContent()) ?? '';
    await map.getByRole('link', { name: 'View home' }).click();
    await page.waitForURL((url) => /^\/posts\/[0-9a-f-]{36}$/.test(url.pathname));
    await heading.filter({ hasText: name }).waitFor();
    await page.getByText(price).first().waitFor();

    // The only console errors: none.
    expect(errors).toEqual([]);
  });

  it("draws an address's first results from the page's own HTML, then asks only for the next pages", async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    // Each post.search call's input, whether sent alone or batched with other calls.
    const searches: unknown[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/trpc/')) return;
      const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, { json: unknown }>;
      url.pathname
        .slice('/trpc/'.length)
        .split(',')
        .forEach((procedure, index) => {
          if (procedure === 'post.search') searches.push(inputs[index]?.json);
        });
    });
    await page.goto(`/search?minPrice=${minPrice}&maxPrice=${maxPrice}`);
    const cards = page.getByRole('article');
    await expect.poll(() => cards.count()).toBe(12);
    expect(await total(page)).toBeGreaterThan(12);
    expect(searches).toEqual([]);

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => cards.count()).toBeGreaterThan(12);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ minPrice, maxPrice, cursor: expect.any(String) });
    expect(errors).toEqual([]);
  });
});
